package io.tokenwarden.sync;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static io.tokenwarden.sync.SyncStore.at;
import static io.tokenwarden.sync.SyncStore.instant;

/** The automations of each account. */
@Component
class AutomationStore {

	private static final RowMapper<Automation> AUTOMATION = (rs, n) -> new Automation(rs.getLong("id"),
			rs.getLong("account_id"), Automation.AutomationKind.valueOf(rs.getString("kind")), rs.getString("campaign_id"),
			rs.getBigDecimal("threshold"), rs.getString("metric") == null ? null : Automation.Metric.valueOf(rs.getString("metric")),
			rs.getString("operator") == null ? null : Automation.Operator.valueOf(rs.getString("operator")),
			rs.getString("action") == null ? null : Automation.Action.valueOf(rs.getString("action")),
			rs.getBigDecimal("min_bid"), rs.getBigDecimal("max_bid"), rs.getBigDecimal("step"), rs.getString("created_by"),
			instant(rs, "created_at"));

	private final JdbcClient jdbc;

	AutomationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's automations, oldest first: the order they run in. */
	List<Automation> forAccount(long accountId) {
		return this.jdbc.sql("select * from automation where account_id = ? order by id")
			.param(accountId)
			.query(AUTOMATION)
			.list();
	}

	/**
	 * Adds an automation on behalf of {@code agencyId}, the agency it belongs to (null: the first agency the
	 * account is linked to, as for the demo's samples).
	 */
	long add(long accountId, Long agencyId, NewAutomation automation, String actor, Instant now) {
		return this.jdbc.sql("""
				insert into automation (account_id, agency_id, kind, campaign_id, threshold, metric, operator, action,
				    min_bid, max_bid, step, created_by, created_at)
				values (?, coalesce(cast(? as bigint), (select min(l.agency_id) from agency_account_link l where l.account_id = ?)),
				    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(accountId, agencyId, accountId, automation.kind().name(), automation.campaignId(),
					automation.threshold(), name(automation.metric()), name(automation.operator()),
					name(automation.action()), automation.minBid(), automation.maxBid(), automation.step(), actor, at(now))
			.query(Long.class)
			.single();
	}

	boolean remove(long accountId, long automationId) {
		return this.jdbc.sql("delete from automation where id = ? and account_id = ?")
			.params(automationId, accountId)
			.update() == 1;
	}

	/** Removes the automations an agency set up on the account; every automation when {@code agencyId} is null. */
	int removeForAgency(long accountId, Long agencyId) {
		if (agencyId == null) {
			return this.jdbc.sql("delete from automation where account_id = ?").param(accountId).update();
		}
		return this.jdbc.sql("delete from automation where account_id = ? and agency_id = ?")
			.params(accountId, agencyId)
			.update();
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

}
