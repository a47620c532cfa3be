package io.tokenwarden.sync;

import io.tokenwarden.publishers.AdGroup;
import io.tokenwarden.publishers.Campaign;
import io.tokenwarden.publishers.CampaignStatus;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The imported campaigns with their ad groups, and each account's import record. Claims use a lease
 * taken with {@code FOR UPDATE SKIP LOCKED}, so two instances never import the same account at once, and
 * only accounts whose token is VALID are ever claimed.
 */
@Component
class SyncStore {

	private static final RowMapper<SyncState> STATE = (rs, n) -> new SyncState(rs.getLong("account_id"),
			instant(rs, "next_sync_at"), instant(rs, "last_attempt_at"), instant(rs, "last_success_at"),
			rs.getString("last_error"), rs.getInt("failures"));

	private static final RowMapper<CampaignRow> CAMPAIGN = (rs, n) -> new CampaignRow(rs.getLong("account_id"),
			rs.getString("campaign_id"), rs.getString("ad_account_id"), rs.getString("name"),
			CampaignStatus.valueOf(rs.getString("status")), rs.getBigDecimal("daily_budget"),
			rs.getBigDecimal("spend_today"), List.of(), instant(rs, "synced_at"));

	private static final RowMapper<AdGroupRow> AD_GROUP = (rs, n) -> new AdGroupRow(rs.getString("ad_group_id"),
			rs.getString("campaign_id"), rs.getString("name"), CampaignStatus.valueOf(rs.getString("status")),
			rs.getBigDecimal("bid"));

	private final JdbcClient jdbc;

	SyncStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every account with a token gets an import record, due now (inserted in id order: two instances never deadlock). */
	void scheduleNewAccounts(Instant now) {
		this.jdbc.sql("""
				insert into sync_account (account_id, next_sync_at)
				select t.account_id, ? from account_token t
				where not exists (select 1 from sync_account s where s.account_id = t.account_id)
				order by t.account_id
				on conflict do nothing""")
			.param(at(now))
			.update();
	}

	/** Claims up to {@code limit} due accounts with a VALID token for {@code lease}. */
	@Transactional
	List<Long> claimDue(Instant now, int limit, Duration lease) {
		return this.jdbc.sql("""
				update sync_account set claimed_until = ?
				where account_id in (
				    select s.account_id from sync_account s join account_token t on t.account_id = s.account_id
				    where t.status = 'VALID' and s.next_sync_at <= ? and (s.claimed_until is null or s.claimed_until < ?)
				    order by s.next_sync_at limit ? for update of s skip locked)
				returning account_id""")
			.params(at(now.plus(lease)), at(now), at(now), limit)
			.query(Long.class)
			.list();
	}

	/** Claims one account now, due or not; false when another import holds it. */
	@Transactional
	boolean claim(long accountId, Instant now, Duration lease) {
		this.jdbc.sql("insert into sync_account (account_id, next_sync_at) values (?, ?) on conflict do nothing")
			.params(accountId, at(now))
			.update();
		return this.jdbc.sql("""
				update sync_account set claimed_until = ?
				where account_id = ? and (claimed_until is null or claimed_until < ?)""")
			.params(at(now.plus(lease)), accountId, at(now))
			.update() == 1;
	}

	/** Ends a claim without an attempt (the gate was closed); the account stays due. */
	void release(long accountId) {
		this.jdbc.sql("update sync_account set claimed_until = null where account_id = ?").param(accountId).update();
	}

	/** Makes the account due now, so the next round (or a catch-up) takes it. */
	void dueNow(long accountId, Instant now) {
		this.jdbc.sql("update sync_account set next_sync_at = ? where account_id = ?").params(at(now), accountId).update();
	}

	/** Replaces the account's campaigns and their ad groups with what the publisher said, and records the success. */
	@Transactional
	void succeeded(long accountId, List<Campaign> campaigns, Instant now, Instant next) {
		// the ad groups go with their campaigns (on delete cascade)
		this.jdbc.sql("delete from campaign where account_id = ?").param(accountId).update();
		for (Campaign c : campaigns) {
			boolean inserted = this.jdbc.sql("""
					insert into campaign (account_id, campaign_id, ad_account_id, name, status, daily_budget, spend_today,
					    synced_at)
					values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
				.params(accountId, truncate(c.id(), 64), truncate(c.adAccountId(), 64), truncate(c.name(), 300),
						c.status().name(), c.dailyBudget(), c.spendToday(), at(now))
				.update() == 1;
			for (AdGroup g : inserted ? c.adGroups() : List.<AdGroup>of()) {
				this.jdbc.sql("""
						insert into campaign_ad_group (account_id, ad_group_id, campaign_id, name, status, bid)
						values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
					.params(accountId, truncate(g.id(), 64), truncate(c.id(), 64), truncate(g.name(), 300),
							g.status().name(), g.bid() == null || g.bid().signum() <= 0 ? null : g.bid())
					.update();
			}
		}
		this.jdbc.sql("""
				update sync_account set last_attempt_at = ?, last_success_at = ?, last_error = null, failures = 0,
				    next_sync_at = ?, claimed_until = null
				where account_id = ?""")
			.params(at(now), at(now), at(next), accountId)
			.update();
	}

	/** Records an attempt that imported nothing; {@code counts} is false while only waiting out an incident. */
	void failed(long accountId, Instant now, String error, Instant next, boolean counts) {
		this.jdbc.sql("""
				update sync_account set last_attempt_at = ?, last_error = ?, failures = failures + ?, next_sync_at = ?,
				    claimed_until = null
				where account_id = ?""")
			.params(at(now), truncate(error, 500), counts ? 1 : 0, at(next), accountId)
			.update();
	}

	SyncState state(long accountId) {
		return this.jdbc.sql("select * from sync_account where account_id = ?")
			.param(accountId)
			.query(STATE)
			.optional()
			.orElseGet(() -> SyncState.never(accountId));
	}

	/** The import records of these accounts (those that have one), with each token's gate. */
	Map<Long, StateAndGate> statesWithGates(List<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select s.*, t.status as token_status, t.status_changed_at
				from sync_account s join account_token t on t.account_id = s.account_id
				where s.account_id = any(:ids)""")
			.param("ids", new SqlArrayValue("bigint", accountIds.toArray())) // one parameter, not one per account
			.query((rs, n) -> new StateAndGate(STATE.mapRow(rs, n),
					new Gate(TokenStatus.valueOf(rs.getString("token_status")),
							instant(rs, "status_changed_at"))))
			.list()
			.stream()
			.collect(Collectors.toMap(s -> s.state().accountId(), Function.identity()));
	}

	/** An import record with its account's gate. */
	record StateAndGate(SyncState state, Gate gate) {
	}

	/** The account's campaigns by name, each with its ad groups by name. */
	List<CampaignRow> campaigns(long accountId) {
		List<CampaignRow> campaigns = this.jdbc.sql("select * from campaign where account_id = ? order by name, campaign_id")
			.param(accountId)
			.query(CAMPAIGN)
			.list();
		if (campaigns.isEmpty()) {
			return campaigns;
		}
		Map<String, List<AdGroupRow>> groups = this.jdbc
			.sql("select * from campaign_ad_group where account_id = ? order by name, ad_group_id")
			.param(accountId)
			.query(AD_GROUP)
			.list()
			.stream()
			.collect(Collectors.groupingBy(AdGroupRow::campaignId));
		return campaigns.stream().map(c -> c.withAdGroups(groups.getOrDefault(c.campaignId(), List.of()))).toList();
	}

	Optional<CampaignRow> campaign(long accountId, String campaignId) {
		return this.jdbc.sql("select * from campaign where account_id = ? and campaign_id = ?")
			.params(accountId, campaignId)
			.query(CAMPAIGN)
			.optional()
			.map(c -> c.withAdGroups(this.jdbc
				.sql("select * from campaign_ad_group where account_id = ? and campaign_id = ? order by name, ad_group_id")
				.params(accountId, campaignId)
				.query(AD_GROUP)
				.list()));
	}

	void updateStatus(long accountId, String campaignId, CampaignStatus status) {
		this.jdbc.sql("update campaign set status = ? where account_id = ? and campaign_id = ?")
			.params(status.name(), accountId, campaignId)
			.update();
	}

	void updateBid(long accountId, String adGroupId, BigDecimal bid) {
		this.jdbc.sql("update campaign_ad_group set bid = ? where account_id = ? and ad_group_id = ?")
			.params(bid, accountId, adGroupId)
			.update();
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static String truncate(String value, int max) {
		return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
	}

}
