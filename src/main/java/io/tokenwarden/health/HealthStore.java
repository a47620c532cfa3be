package io.tokenwarden.health;

import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.notifications.NewNotice;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.CheckedToken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The health tables. Claims are row locks taken with {@code SKIP LOCKED} plus a lease in
 * {@code claimed_until} (database time), so instances sharing the database never check a token twice
 * in a round, and a crashed instance's claims lapse on their own. Statements that lock many rows lock
 * them in one order (by account id), so that two of them never wait for each other (a deadlock).
 */
@Component
class HealthStore {

	private final JdbcClient jdbc;

	private final AccountTokens tokens;

	private final Notices notices;

	private final AuditLog auditLog;

	private final HealthSettings settings;

	private final ApplicationEventPublisher events;

	HealthStore(JdbcClient jdbc, AccountTokens tokens, Notices notices, AuditLog auditLog, HealthSettings settings,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.notices = notices;
		this.auditLog = auditLog;
		this.settings = settings;
	}

	/** Gives accounts without a schedule one, at a random moment of the next interval: checks spread out. */
	int scheduleNewAccounts(Instant now, Duration interval) {
		return this.jdbc.sql("""
				insert into account_health (account_id, next_check_at)
				select a.id, ? + random() * (? * interval '1 second') from publisher_account a
				where not exists (select 1 from account_health h where h.account_id = a.id)
				order by a.id
				on conflict do nothing""")
			.params(at(now), interval.toSeconds())
			.update();
	}

	/**
	 * Claims up to {@code limit} due accounts of the publisher whose token is not invalidated. The claims of
	 * one publisher take turns (a transaction lock, across instances too): two workers claiming at once would
	 * otherwise split a handful of due accounts between them (SKIP LOCKED), and a batch too small to see an
	 * outage-401 storm (BatchCheck) would take an outage for expiries.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	List<Long> claimDue(Publisher publisher, Instant now, int limit, Duration lease) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("health-claim:" + publisher.name())
			.query((rs, n) -> 1)
			.single();
		return this.jdbc.sql("""
				with due as (
				    select h.account_id from account_health h
				    join publisher_account a on a.id = h.account_id
				    join account_token t on t.account_id = h.account_id
				    where a.publisher = ? and t.status <> 'INVALIDATED' and h.next_check_at <= ?
				      and (h.claimed_until is null or h.claimed_until < now())
				    order by h.next_check_at limit ?
				    for update of h skip locked)
				update account_health h set claimed_until = now() + ? * interval '1 second'
				from due where h.account_id = due.account_id
				returning h.account_id""")
			.params(publisher.name(), at(now), limit, lease.toSeconds())
			.query(Long.class)
			.list();
	}

	/** Claims one account for a check now, unless another check holds it. */
	boolean claim(long accountId, Duration lease) {
		return this.jdbc.sql("""
				update account_health set claimed_until = now() + ? * interval '1 second'
				where account_id = ? and (claimed_until is null or claimed_until < now())""")
			.params(lease.toSeconds(), accountId)
			.update() == 1;
	}

	/**
	 * Claims one of the agency's accounts of the publisher whose token is not invalidated and that no other
	 * check holds, the one verified longest ago: the account a probe asks about.
	 */
	Optional<Long> claimOneOfAgency(long agencyId, Publisher publisher, Duration lease) {
		return this.jdbc.sql("""
				update account_health set claimed_until = now() + ? * interval '1 second'
				where account_id = (
				    select h.account_id from account_health h
				    join agency_account_link l on l.account_id = h.account_id and l.agency_id = ?
				    join account_token t on t.account_id = h.account_id and t.status <> 'INVALIDATED'
				    where l.publisher = ? and (h.claimed_until is null or h.claimed_until < now())
				    order by h.last_verified_at nulls first, h.account_id limit 1
				    for update of h skip locked)
				returning account_id""")
			.params(lease.toSeconds(), agencyId, publisher.name())
			.query(Long.class)
			.optional();
	}

	void release(long accountId, Instant nextCheckAt) {
		this.jdbc.sql("update account_health set claimed_until = null, next_check_at = ? where account_id = ?")
			.params(at(nextCheckAt), accountId)
			.update();
	}

	void releaseAll(List<Long> accountIds, Instant nextCheckAt) {
		if (!accountIds.isEmpty()) {
			this.jdbc.sql("""
					update account_health set claimed_until = null, next_check_at = :next
					where account_id in (select account_id from account_health where account_id = any(:ids)
					                     order by account_id for update)""")
				.param("next", at(nextCheckAt))
				.param("ids", new SqlArrayValue("bigint", accountIds.toArray()))
				.update();
		}
	}

	Optional<AccountHealth> find(long accountId) {
		return this.jdbc.sql("""
				select account_id, last_verified_at, unreachable_since, unreachable_noticed, billing_problem_since,
				       permission_problem_since, expiry_incident_opened_at, reminders_sent
				from account_health where account_id = ?""")
			.param(accountId)
			.query(HealthStore::health)
			.optional();
	}

	/**
	 * Many plain valid checks at once, in two statements: their history rows, and their health verified,
	 * clear of problems, released and due again at {@code nextCheckAt}.
	 */
	void verifiedAll(Map<Long, Evidence> evidence, Instant at, Instant nextCheckAt) {
		if (evidence.isEmpty()) {
			return;
		}
		List<Long> ids = List.copyOf(evidence.keySet());
		List<Evidence> said = ids.stream().map(evidence::get).toList();
		this.jdbc.sql("""
				insert into token_check (account_id, checked_at, outcome, code, subcode, trace_id, detail)
				select u.id, :at, 'VALID', u.code, u.subcode, u.trace_id, u.detail
				from unnest(:ids, :codes, :subcodes, :traceIds, :details) as u(id, code, subcode, trace_id, detail)""")
			.param("at", at(at))
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.param("codes", texts(said, e -> cut(e.code(), 32)))
			.param("subcodes", texts(said, e -> cut(e.subcode(), 32)))
			.param("traceIds", texts(said, e -> cut(e.traceId(), 100)))
			.param("details", texts(said, e -> cut(e.toString(), 500)))
			.update();
		this.jdbc.sql("""
				update account_health set last_verified_at = :at, unreachable_since = null, unreachable_noticed = false,
				    last_outcome = 'VALID', last_error = null, billing_problem_since = null, permission_problem_since = null,
				    claimed_until = null, next_check_at = :next
				where account_id in (select account_id from account_health where account_id = any(:ids)
				                     order by account_id for update)""")
			.param("at", at(at))
			.param("next", at(nextCheckAt))
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.update();
	}

	private static SqlArrayValue texts(List<Evidence> evidence, Function<Evidence, String> field) {
		return new SqlArrayValue("varchar", evidence.stream().map(field).toArray());
	}

	/**
	 * Writes a check's decision, all of it in one transaction: what the token learned (through its module, the
	 * one writer of its table, and only if the token is still the one that was asked about), the account's
	 * health and next check, the history row, the notices (with the admins' copies) and the audit event. A
	 * token refreshed or invalidated while its publisher was asked is left alone: the answer was about a token
	 * that is no longer the account's, so nothing is written but its release, and it is checked again soon.
	 */
	@Transactional
	void apply(long accountId, long tokenVersion, HealthDecision decision) {
		if (!this.tokens.applyCheck(accountId, tokenVersion, decision.token())) {
			release(accountId, decision.checkedAt().plus(this.settings.probeInterval()));
			return;
		}
		history(accountId, decision.checkedAt(), decision.outcome(), decision.reason(), decision.evidence());
		AccountHealth health = decision.health();
		this.jdbc.sql("""
				update account_health set last_verified_at = ?, unreachable_since = ?, unreachable_noticed = ?,
				    billing_problem_since = ?, permission_problem_since = ?, expiry_incident_opened_at = ?,
				    reminders_sent = ?, last_outcome = ?, last_error = ?, claimed_until = null, next_check_at = ?
				where account_id = ?""")
			.params(at(health.lastVerifiedAt()), at(health.unreachableSince()), health.unreachableNoticed(),
					at(health.billingProblemSince()), at(health.permissionProblemSince()),
					at(health.expiryIncidentOpenedAt()), health.remindersSent(), decision.outcome().name(),
					decision.outcome() == CheckOutcome.VALID ? null : cut(decision.evidence().toString(), 500),
					at(decision.nextCheckAt()), accountId)
			.update();
		for (NewNotice notice : decision.notices()) {
			this.notices.enqueue(notice);
			for (String admin : this.notices.adminCopyRecipients(accountId)) {
				this.notices.enqueue(notice.copyTo(admin));
			}
		}
		// inside this transaction, so a channel message is queued exactly when the notices are
		decision.changes().forEach(this.events::publishEvent);
		if (decision.tokenExpired()) {
			this.auditLog.record("token_expired", OutcomeRules.CHECKER, null, accountId, decision.evidence().toString(),
					null);
		}
	}

	/**
	 * Many routine valid checks at once (see {@link OutcomeRules#isRoutine}), in one transaction: their
	 * history and health ({@link #verifiedAll}), and their tokens' times through the tokens module.
	 */
	@Transactional
	void applyRoutine(Map<Long, PublisherOutcome.Valid> answers, Instant now) {
		Map<Long, Evidence> evidence = new LinkedHashMap<>();
		answers.forEach((id, valid) -> evidence.put(id, valid.evidence()));
		verifiedAll(evidence, now, now.plus(this.settings.interval()));
		this.tokens.recordChecks(now, answers.entrySet()
			.stream()
			.map(e -> new CheckedToken(e.getKey(), e.getValue().expiresAt(), e.getValue().dataAccessExpiresAt()))
			.toList());
	}

	/**
	 * A claimed account that was not sent to its publisher: its token cannot be decrypted ({@code why}
	 * says so, in its history), or it has none any more. It waits for the next interval either way.
	 */
	@Transactional
	void notChecked(long accountId, Instant now, Evidence why) {
		if (why != null) {
			history(accountId, now, CheckOutcome.MISCONFIGURED, null, why);
			this.jdbc.sql("update account_health set last_outcome = ?, last_error = ? where account_id = ?")
				.params(CheckOutcome.MISCONFIGURED.name(), cut(why.toString(), 500), accountId)
				.update();
		}
		release(accountId, now.plus(this.settings.interval()));
	}

	private void history(long accountId, Instant at, CheckOutcome outcome, String reason, Evidence evidence) {
		this.jdbc.sql("""
				insert into token_check (account_id, checked_at, outcome, reason, code, subcode, trace_id, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(accountId, at(at), outcome.name(), reason, cut(evidence.code(), 32), cut(evidence.subcode(), 32),
					cut(evidence.traceId(), 100), cut(evidence.toString(), 500))
			.update();
	}

	/** Makes every account of the agency whose token is not invalidated due now; returns how many. */
	int makeAgencyDue(long agencyId, Instant now) {
		return this.jdbc.sql("""
				update account_health set next_check_at = ?
				where account_id in (
				    select h.account_id from account_health h
				    join agency_account_link l on l.account_id = h.account_id and l.agency_id = ?
				    join account_token t on t.account_id = h.account_id and t.status <> 'INVALIDATED'
				    order by h.account_id for update of h)""")
			.params(at(now), agencyId)
			.update();
	}

	/**
	 * Serializes the agency's "Check all now" requests (of every instance) until the transaction ends, so
	 * that of two at once one starts the check and the other finds it running.
	 */
	void lockAgencyChecks(long agencyId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('check_run:' || ?, 0))")
			.param(agencyId)
			.query((rs, n) -> rs.getObject(1))
			.list();
	}

	/**
	 * The agency's latest "Check all now" of the last hour while it is queued or running: some account it
	 * made due (and not invalidated since) has not been checked yet.
	 */
	Optional<CheckRun> runningCheck(long agencyId, Instant now) {
		return this.jdbc.sql("""
				select r.requested_by, r.started_at, r.total from check_run r
				where r.agency_id = ? and r.started_at > ?
				  and exists (select 1 from agency_account_link l
				      join account_health h on h.account_id = l.account_id and h.next_check_at <= r.started_at
				      join account_token t on t.account_id = l.account_id and t.status <> 'INVALIDATED'
				      where l.agency_id = r.agency_id)
				order by r.started_at desc limit 1""")
			.params(agencyId, at(now.minus(Duration.ofHours(1))))
			.query((rs, n) -> new CheckRun(rs.getString("requested_by"), instant(rs, "started_at"), rs.getInt("total")))
			.optional();
	}

	/** One "Check all now": who asked, when, for how many accounts. */
	record CheckRun(String requestedBy, Instant startedAt, int total) {
	}

	List<CheckRecord> history(long accountId, Instant since) {
		return this.jdbc.sql("""
				select checked_at, outcome, reason, detail from token_check
				where account_id = ? and checked_at >= ? order by checked_at desc limit 2000""")
			.params(accountId, at(since))
			.query((rs, n) -> new CheckRecord(instant(rs, "checked_at"), CheckOutcome.valueOf(rs.getString("outcome")),
					rs.getString("reason"), rs.getString("detail")))
			.list();
	}

	private static AccountHealth health(ResultSet rs, int rowNum) throws SQLException {
		return new AccountHealth(rs.getLong("account_id"), instant(rs, "last_verified_at"), instant(rs, "unreachable_since"),
				rs.getBoolean("unreachable_noticed"), instant(rs, "billing_problem_since"),
				instant(rs, "permission_problem_since"), instant(rs, "expiry_incident_opened_at"), rs.getInt("reminders_sent"));
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
