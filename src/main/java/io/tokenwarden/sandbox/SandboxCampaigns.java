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
 * The imitation publishers' campaigns: 2 to 4 per ad account, seeded with budgets and some spend, each
 * with 1 to 3 ad sets (Facebook) or line items (X) that hold the bids, the first always with a bid of
 * its own, later ones sometimes bid automatically. Reading an account's campaigns delivers a little: each
 * active campaign spends the bids of its active ad groups again (an automatic one a dollar), up to its
 * daily budget, so the automations always have something to act on.
 */
@Component
@Profile("demo")
class SandboxCampaigns {

	/** What an automatically bid ad group spends per delivery, in cents. */
	static final long AUTOMATIC_DELIVERY_CENTS = 100;

	private static final String[] NAMES = { "Spring Sale", "Brand Awareness", "Retargeting", "New Arrivals",
			"Holiday Push", "Lead Generation", "App Installs" };

	private static final String[] AD_SET_NAMES = { "Broad 18-65", "Lookalike 1%", "Website visitors 30 days",
			"Interests: coffee", "Advantage+ audience" };

	private static final String[] LINE_ITEM_NAMES = { "Followers of similar accounts", "Keywords", "Tailored audience",
			"Conversation topics" };

	private static final RowMapper<SandboxCampaign> CAMPAIGN = (rs, n) -> new SandboxCampaign(rs.getLong("user_id"),
			Publisher.valueOf(rs.getString("publisher")), rs.getString("ad_account_id"), rs.getString("campaign_id"),
			rs.getString("name"), rs.getString("status"), rs.getLong("daily_budget_cents"), rs.getLong("spend_cents"));

	private static final RowMapper<SandboxAdGroup> AD_GROUP = (rs, n) -> new SandboxAdGroup(rs.getString("campaign_id"),
			rs.getString("ad_group_id"), rs.getString("name"), rs.getString("status"),
			(Long) rs.getObject("bid_cents", Long.class));

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
		boolean facebook = user.publisher() == Publisher.FACEBOOK;
		String id = facebook ? String.valueOf(120_200_000_000_000L + user.id() * 100 + position)
				: "c" + Long.toString(user.id() * 100 + position, 36);
		this.jdbc.sql("""
				insert into sandbox_campaign (user_id, publisher, ad_account_id, campaign_id, name, status,
				    daily_budget_cents, spend_cents, spend_day, position)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(user.id(), user.publisher().name(), adAccountId, id, NAMES[(int) Math.floorMod(seed, NAMES.length)],
					position % 10 == 3 ? "PAUSED" : "ACTIVE", budget, budget * Math.floorMod(seed, 5L) / 10, today(), position)
			.update();
		String[] names = facebook ? AD_SET_NAMES : LINE_ITEM_NAMES;
		int groups = 1 + (int) Math.floorMod(seed, 3L);
		for (int n = 1; n <= groups; n++) {
			// ids that never meet a campaign's: Graph routes POST /{id} by the id alone
			String groupId = id + (facebook ? "0" : "l") + n;
			Long bid = n > 1 && Math.floorMod(seed + n, 3L) == 0 ? null : 50 + Math.floorMod(seed * 37 + n * 53, 150L);
			this.jdbc.sql("""
					insert into sandbox_ad_group (campaign_id, ad_group_id, name, status, bid_cents, position)
					values (?, ?, ?, 'ACTIVE', ?, ?)""")
				.params(id, groupId, names[(int) Math.floorMod(seed + n, names.length)], bid, n)
				.update();
		}
	}

	/** The ad account's campaigns after a little more delivery. */
	List<SandboxCampaign> deliver(Publisher publisher, String adAccountId) {
		this.jdbc.sql("""
				update sandbox_campaign c
				set spend_cents = least(c.daily_budget_cents,
				        (case when c.spend_day < ? then 0 else c.spend_cents end)
				        + (case when c.status = 'ACTIVE' then
				            (select coalesce(sum(coalesce(g.bid_cents, ?)), 0) from sandbox_ad_group g
				             where g.campaign_id = c.campaign_id and g.status = 'ACTIVE')
				           else 0 end)),
				    spend_day = ?
				where c.publisher = ? and c.ad_account_id = ?""")
			.params(today(), AUTOMATIC_DELIVERY_CENTS, today(), publisher.name(), adAccountId)
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

	/** The campaigns' ad groups, in their order. */
	List<SandboxAdGroup> adGroups(List<String> campaignIds) {
		if (campaignIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from sandbox_ad_group where campaign_id in (:ids) order by campaign_id, position")
			.param("ids", campaignIds)
			.query(AD_GROUP)
			.list();
	}

	/** An ad group with its campaign, by the ad group's id. */
	Optional<SandboxAdGroup> findAdGroup(String adGroupId) {
		return this.jdbc.sql("select * from sandbox_ad_group where ad_group_id = ?")
			.param(adGroupId)
			.query(AD_GROUP)
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

	void setAdGroupStatus(String adGroupId, String status) {
		this.jdbc.sql("update sandbox_ad_group set status = ? where ad_group_id = ?").params(status, adGroupId).update();
	}

	void setBid(String adGroupId, long bidCents) {
		this.jdbc.sql("update sandbox_ad_group set bid_cents = ? where ad_group_id = ?").params(bidCents, adGroupId).update();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
