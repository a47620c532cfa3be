package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The imitation publishers' campaigns: 2 to 4 per ad account, seeded with budgets, bids and some spend.
 * Reading an account's campaigns delivers a little: each active one spends its bid again, up to its
 * daily budget, so the automations always have something to act on.
 */
@Component
@Profile("demo")
class SandboxCampaigns {

	private static final String[] NAMES = { "Spring Sale", "Brand Awareness", "Retargeting", "New Arrivals",
			"Holiday Push", "Lead Generation", "App Installs" };

	private static final RowMapper<SandboxCampaign> CAMPAIGN = (rs, n) -> new SandboxCampaign(rs.getLong("user_id"),
			Publisher.valueOf(rs.getString("publisher")), rs.getString("ad_account_id"), rs.getString("campaign_id"),
			rs.getString("name"), rs.getString("status"), rs.getLong("daily_budget_cents"), rs.getLong("spend_cents"),
			rs.getLong("bid_cents"));

	private final JdbcClient jdbc;

	private final Clock clock;

	SandboxCampaigns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The user's X Ads account id: X has one per user here, named after the user's row. */
	static String xAdAccountId(long userId) {
		return "18ce" + Long.toString(userId, 36);
	}

	/** Campaigns for each of the user's ad accounts (Facebook) or for their X Ads account. */
	void seed(SandboxUser user, List<String> facebookAdAccounts) {
		List<String> accounts = user.publisher() == Publisher.X ? List.of(xAdAccountId(user.id())) : facebookAdAccounts;
		for (int a = 0; a < accounts.size(); a++) {
			int count = 2 + (int) Math.floorMod(user.id() + a, 3L);
			for (int n = 1; n <= count; n++) {
				insert(user, accounts.get(a), a * 10 + n);
			}
		}
	}

	private void insert(SandboxUser user, String adAccountId, int position) {
		long seed = user.id() * 31 + position;
		long budget = 2_000 + Math.floorMod(seed * 1_300, 8_000L);
		String id = user.publisher() == Publisher.FACEBOOK ? String.valueOf(120_200_000_000_000L + user.id() * 100 + position)
				: "c" + Long.toString(user.id() * 100 + position, 36);
		this.jdbc.sql("""
				insert into sandbox_campaign (user_id, publisher, ad_account_id, campaign_id, name, status,
				    daily_budget_cents, spend_cents, spend_day, bid_cents, position)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(user.id(), user.publisher().name(), adAccountId, id, NAMES[(int) Math.floorMod(seed, NAMES.length)],
					position % 10 == 3 ? "PAUSED" : "ACTIVE", budget, budget * Math.floorMod(seed, 5L) / 10, today(),
					50 + Math.floorMod(seed * 37, 150L), position)
			.update();
	}

	/** The ad account's campaigns after a little more delivery. */
	List<SandboxCampaign> deliver(Publisher publisher, String adAccountId) {
		this.jdbc.sql("""
				update sandbox_campaign
				set spend_cents = least(daily_budget_cents,
				        (case when spend_day < ? then 0 else spend_cents end) + (case when status = 'ACTIVE' then bid_cents else 0 end)),
				    spend_day = ?
				where publisher = ? and ad_account_id = ?""")
			.params(today(), today(), publisher.name(), adAccountId)
			.update();
		return list(publisher, adAccountId);
	}

	List<SandboxCampaign> list(Publisher publisher, String adAccountId) {
		return this.jdbc.sql("select * from sandbox_campaign where publisher = ? and ad_account_id = ? order by position")
			.params(publisher.name(), adAccountId)
			.query(CAMPAIGN)
			.list();
	}

	Optional<SandboxCampaign> find(Publisher publisher, String campaignId) {
		return this.jdbc.sql("select * from sandbox_campaign where publisher = ? and campaign_id = ?")
			.params(publisher.name(), campaignId)
			.query(CAMPAIGN)
			.optional();
	}

	/** The user's X Ads accounts (one, when they have campaigns). */
	List<String> xAdAccounts(long userId) {
		return this.jdbc.sql("select distinct ad_account_id from sandbox_campaign where user_id = ? and publisher = 'X'")
			.param(userId)
			.query(String.class)
			.list();
	}

	void setStatus(Publisher publisher, String campaignId, String status) {
		this.jdbc.sql("update sandbox_campaign set status = ? where publisher = ? and campaign_id = ?")
			.params(status, publisher.name(), campaignId)
			.update();
	}

	void setBid(Publisher publisher, String campaignId, long bidCents) {
		this.jdbc.sql("update sandbox_campaign set bid_cents = ? where publisher = ? and campaign_id = ?")
			.params(bidCents, publisher.name(), campaignId)
			.update();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
