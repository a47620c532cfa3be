package io.tokenwarden.sync;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static io.tokenwarden.sync.SyncStore.at;
import static io.tokenwarden.sync.SyncStore.instant;
import static io.tokenwarden.sync.SyncStore.truncate;

/** Every change sync made (or tried) at a publisher, by an automation or an admin, newest first. */
@Component
class ActionLog {

	/**
	 * One entry: who (an automation's kind, or ADMIN) did what to which campaign (and, for a bid, which of
	 * its ad sets or line items), why, and whether it worked.
	 */
	record Entry(long accountId, Long automationId, String source, String campaignId, String campaignName,
			String adGroupId, String adGroupName, Automation.Action action, String detail, boolean done, String actor,
			Instant takenAt) {
	}

	private final JdbcClient jdbc;

	ActionLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(Entry entry) {
		this.jdbc.sql("""
				insert into automation_action (account_id, automation_id, source, campaign_id, campaign_name, ad_group_id,
				    ad_group_name, action, detail, outcome, actor, taken_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(entry.accountId(), entry.automationId(), entry.source(), truncate(entry.campaignId(), 64),
					truncate(entry.campaignName(), 300), nullable(entry.adGroupId(), 64), nullable(entry.adGroupName(), 300),
					entry.action().name(), truncate(entry.detail(), 500),
					entry.done() ? "DONE" : "FAILED", truncate(entry.actor(), 320), at(entry.takenAt()))
			.update();
	}

	List<Entry> recent(long accountId, int limit) {
		return this.jdbc.sql("select * from automation_action where account_id = ? order by taken_at desc, id desc limit ?")
			.params(accountId, limit)
			.query((rs, n) -> new Entry(rs.getLong("account_id"), (Long) rs.getObject("automation_id"), rs.getString("source"),
					rs.getString("campaign_id"), rs.getString("campaign_name"), rs.getString("ad_group_id"),
					rs.getString("ad_group_name"), Automation.Action.valueOf(rs.getString("action")), rs.getString("detail"),
					"DONE".equals(rs.getString("outcome")), rs.getString("actor"), instant(rs, "taken_at")))
			.list();
	}

	private static String nullable(String value, int max) {
		return value == null ? null : truncate(value, max);
	}

}
