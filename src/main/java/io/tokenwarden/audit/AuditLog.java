package io.tokenwarden.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The append-only record of who did what to which account, from which agency and address. It never
 * holds a token. Writes join the caller's transaction, so a rolled-back action leaves no event.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One audit event as shown on the account page. */
	public record AuditEntry(Instant occurredAt, String actor, Long agencyId, Long accountId, String action,
			String detail, String clientIp) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String actor, Long agencyId, Long accountId, String detail, String clientIp) {
		this.jdbc.sql("""
				insert into audit_event (actor, agency_id, account_id, action, detail, client_ip)
				values (?, ?, ?, ?, ?, ?)""")
			.params(actor, agencyId, accountId, action, truncate(detail, 2000), truncate(clientIp, 64))
			.update();
	}

	/** Records an event in a transaction of its own: for failures whose own work rolled back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAlone(String action, String actor, Long agencyId, Long accountId, String detail, String clientIp) {
		record(action, actor, agencyId, accountId, detail, clientIp);
	}

	/** Whether {@code action} was ever recorded for the account in the agency's name. */
	@Transactional(readOnly = true)
	public boolean happened(String action, long agencyId, long accountId) {
		return this.jdbc.sql("select exists (select 1 from audit_event where account_id = ? and agency_id = ? and action = ?)")
			.params(accountId, agencyId, action)
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> forAccount(long accountId, int limit) {
		return this.jdbc.sql("""
				select occurred_at, actor, agency_id, account_id, action, detail, client_ip
				from audit_event where account_id = ? order by occurred_at desc, id desc limit ?""")
			.params(accountId, limit)
			.query((rs, n) -> new AuditEntry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getString("actor"), (Long) rs.getObject("agency_id"), (Long) rs.getObject("account_id"),
					rs.getString("action"), rs.getString("detail"), rs.getString("client_ip")))
			.list();
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
