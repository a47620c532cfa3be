package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The imitation publishers' people, their Pages and ad accounts, and each publisher's mode. */
@Component
@Profile("demo")
class SandboxDirectory {

	private static final String[] PAGE_SUFFIXES = { "", " Deals", " Careers", " Events", " Community" };

	private static final String[] CATEGORIES = { "Brand", "Shopping & retail", "Local business", "Community",
			"Event" };

	private static final RowMapper<SandboxUser> USER = (rs, n) -> new SandboxUser(rs.getLong("id"),
			Publisher.valueOf(rs.getString("publisher")), rs.getString("external_id"), rs.getString("name"),
			rs.getInt("password_version"), rs.getBoolean("checkpointed"));

	private static final RowMapper<SandboxAdAccount> AD_ACCOUNT = (rs, n) -> new SandboxAdAccount(rs.getLong("user_id"),
			rs.getString("account_id"), rs.getString("name"), rs.getString("currency"),
			AccessLevel.valueOf(rs.getString("min_level")), rs.getInt("account_status"), rs.getInt("disable_reason"),
			rs.getString("funding_source_id"), rs.getString("funding_display"), rs.getInt("funding_type"),
			rs.getBoolean("funding_valid"));

	private final JdbcClient jdbc;

	private final Clock clock;

	SandboxDirectory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new user with {@code pages} Pages and {@code adAccounts} ad accounts (Facebook only has those). */
	@Transactional
	SandboxUser createUser(Publisher publisher, String externalId, String name, int pages, int adAccounts) {
		long id = this.jdbc.sql("insert into sandbox_user (publisher, external_id, name) values (?, ?, ?) returning id")
			.params(publisher.name(), externalId, name)
			.query(Long.class)
			.single();
		for (int n = 1; n <= pages; n++) {
			this.jdbc.sql("""
					insert into sandbox_page (user_id, page_id, name, category, min_level, position)
					values (?, ?, ?, ?, ?, ?)""")
				.params(id, String.valueOf(200_000_000_000_000L + id * 10 + n), name + PAGE_SUFFIXES[(n - 1) % 5],
						CATEGORIES[(n - 1) % 5], levelOfAsset(n).name(), n)
				.update();
		}
		for (int n = 1; n <= adAccounts; n++) {
			this.jdbc.sql("""
					insert into sandbox_ad_account (user_id, account_id, name, currency, min_level, position,
					    funding_source_id, funding_display, funding_type)
					values (?, ?, ?, ?, ?, ?, ?, ?, 1)""")
				.params(id, String.valueOf(300_000_000_000L + id * 10 + n), name + (n == 1 ? " Ads" : " Ads (EU)"),
						n == 1 ? "USD" : "EUR", (n == 1 ? AccessLevel.ANALYST : AccessLevel.ADMIN).name(), n,
						String.valueOf(4_500_000_000_000_000L + id * 10 + n), "Visa *" + (1000 + (id * 37 + n) % 9000))
				.update();
		}
		return findUser(id).orElseThrow();
	}

	// the first Page is seen even by analysts, the second from advertisers up, the rest only by admins
	private static AccessLevel levelOfAsset(int position) {
		return position == 1 ? AccessLevel.ANALYST : position == 2 ? AccessLevel.ADVERTISER : AccessLevel.ADMIN;
	}

	Optional<SandboxUser> findUser(long id) {
		return this.jdbc.sql("select * from sandbox_user where id = ?").param(id).query(USER).optional();
	}

	Optional<SandboxUser> findUser(Publisher publisher, String externalId) {
		return this.jdbc.sql("select * from sandbox_user where publisher = ? and external_id = ?")
			.params(publisher.name(), externalId)
			.query(USER)
			.optional();
	}

	List<SandboxUser> users(Publisher publisher) {
		return this.jdbc.sql("select * from sandbox_user where publisher = ? order by name, id")
			.param(publisher.name())
			.query(USER)
			.list();
	}

	List<SandboxUserSummary> summaries(Publisher publisher) {
		return this.jdbc.sql("""
				select u.id, u.external_id, u.name, u.password_version, u.checkpointed,
				    (select count(*) from sandbox_page p where p.user_id = u.id) as pages,
				    (select count(*) from sandbox_ad_account a where a.user_id = u.id) as ad_accounts,
				    (select count(*) from sandbox_ad_account a where a.user_id = u.id and not a.funding_valid) as unfunded,
				    (select count(*) from sandbox_grant g where g.user_id = u.id and g.revoked_at is null) as grants
				from sandbox_user u where u.publisher = ? order by u.name, u.id""")
			.param(publisher.name())
			.query((rs, n) -> new SandboxUserSummary(rs.getLong("id"), rs.getString("external_id"), rs.getString("name"),
					rs.getInt("password_version"), rs.getBoolean("checkpointed"), rs.getInt("pages"),
					rs.getInt("ad_accounts"), rs.getInt("unfunded"), rs.getInt("grants")))
			.list();
	}

	/** The user's Pages a grant at {@code level} sees, in a stable order. */
	List<SandboxPage> pages(long userId, AccessLevel level) {
		return this.jdbc.sql("select * from sandbox_page where user_id = ? order by position")
			.param(userId)
			.query((rs, n) -> new SandboxPage(rs.getString("page_id"), rs.getString("name"), rs.getString("category"),
					AccessLevel.valueOf(rs.getString("min_level"))))
			.list()
			.stream()
			.filter(page -> level.sees(page.minLevel()))
			.toList();
	}

	List<SandboxAdAccount> adAccounts(long userId, AccessLevel level) {
		return this.jdbc.sql("select * from sandbox_ad_account where user_id = ? order by position")
			.param(userId)
			.query(AD_ACCOUNT)
			.list()
			.stream()
			.filter(account -> level.sees(account.minLevel()))
			.toList();
	}

	boolean changePassword(long userId) {
		return this.jdbc.sql("update sandbox_user set password_version = password_version + 1 where id = ?")
			.param(userId)
			.update() == 1;
	}

	boolean setCheckpointed(long userId, boolean checkpointed) {
		return this.jdbc.sql("update sandbox_user set checkpointed = ? where id = ?").params(checkpointed, userId).update() == 1;
	}

	/** An invalid funding source leaves the accounts UNSETTLED (3) with no payment method; valid restores ACTIVE. */
	int setFunding(long userId, boolean valid) {
		return this.jdbc.sql("""
				update sandbox_ad_account set funding_valid = ?, account_status = ?, disable_reason = 0
				where user_id = ?""")
			.params(valid, valid ? 1 : 3, userId)
			.update();
	}

	PublisherMode mode(Publisher publisher) {
		return this.jdbc.sql("select mode from sandbox_publisher_mode where publisher = ?")
			.param(publisher.name())
			.query(String.class)
			.optional()
			.map(PublisherMode::valueOf)
			.orElse(PublisherMode.NORMAL);
	}

	void setMode(Publisher publisher, PublisherMode mode) {
		this.jdbc.sql("update sandbox_publisher_mode set mode = ?, changed_at = ? where publisher = ?")
			.params(mode.name(), SandboxTimes.at(this.clock.instant()), publisher.name())
			.update();
	}

}
