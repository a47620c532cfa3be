package io.tokenwarden.notifications;

import io.tokenwarden.linktokens.LinkPurpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The link_notice table: emails that carry a link, one email per row. Claims follow the notice
 * outbox's rules: who may claim is decided on database time, when a row is due on the application's
 * clock.
 */
@Component
class LinkNoticeOutbox {

	private static final String COLUMNS = """
			id, purpose, subject_id, recipient, agency_name, role, actor, link_expires_at, status, attempts,
			message_id""";

	private final JdbcClient jdbc;

	LinkNoticeOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the notice unless one with its dedupe key exists; the new row's id. */
	Optional<Long> insert(NewLinkNotice notice, Instant now) {
		return this.jdbc.sql("""
				insert into link_notice (purpose, subject_id, recipient, agency_name, role, actor, link_expires_at,
				    dedupe_key, next_attempt_at, created_at)
				values (:purpose, :subject, :recipient, :agency, :role, :actor, :expires, :key, :now, :now)
				on conflict (dedupe_key) do nothing
				returning id""")
			.param("purpose", notice.purpose().name())
			.param("subject", notice.subjectId())
			.param("recipient", notice.recipient())
			.param("agency", notice.agencyName())
			.param("role", notice.role())
			.param("actor", notice.actor())
			.param("expires", utc(notice.linkExpiresAt()))
			.param("key", notice.dedupeKey())
			.param("now", utc(now))
			.query(Long.class)
			.optional();
	}

	/** Locks up to {@code limit} due rows that no other instance holds; call inside a transaction. */
	List<LinkNotice> lockDue(Instant now, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from link_notice
				where status in ('PENDING', 'FAILED') and next_attempt_at <= :now
				  and (claimed_until is null or claimed_until <= now())
				order by next_attempt_at, id
				limit :limit
				for update skip locked""")
			.param("now", utc(now))
			.param("limit", limit)
			.query(LinkNoticeOutbox::map)
			.list();
	}

	void claim(long id, String messageId, Duration claimTimeout) {
		this.jdbc.sql("""
				update link_notice set message_id = :messageId, claimed_until = now() + make_interval(secs => :seconds)
				where id = :id""")
			.param("messageId", messageId)
			.param("seconds", (double) claimTimeout.toSeconds())
			.param("id", id)
			.update();
	}

	void markSent(long id, Instant now) {
		this.jdbc.sql("""
				update link_notice set status = 'SENT', attempts = attempts + 1, sent_at = ?, claimed_until = null,
				    last_error = null
				where id = ?""")
			.params(utc(now), id)
			.update();
	}

	void markFailed(long id, boolean giveUp, Instant retryAt, String error) {
		this.jdbc.sql("""
				update link_notice set status = ?, attempts = attempts + 1, next_attempt_at = ?, claimed_until = null,
				    last_error = ?
				where id = ?""")
			.params(giveUp ? NoticeStatus.DEAD.name() : NoticeStatus.FAILED.name(), utc(retryAt), error, id)
			.update();
	}

	/** Takes back the subject's emails that have not gone out, except {@code keepId}. */
	int withdrawUnsent(LinkPurpose purpose, long subjectId, long keepId) {
		return this.jdbc.sql("""
				delete from link_notice
				where purpose = ? and subject_id = ? and id <> ? and status in ('PENDING', 'FAILED')""")
			.params(purpose.name(), subjectId, keepId)
			.update();
	}

	/** The delivery status of the newest email of each subject. */
	Map<Long, NoticeStatus> latestStatus(LinkPurpose purpose, Collection<Long> subjectIds) {
		Map<Long, NoticeStatus> statuses = new HashMap<>();
		if (subjectIds.isEmpty()) {
			return statuses;
		}
		this.jdbc.sql("""
				select distinct on (subject_id) subject_id, status from link_notice
				where purpose = :purpose and subject_id in (:ids)
				order by subject_id, id desc""")
			.param("purpose", purpose.name())
			.param("ids", subjectIds)
			.query((rs, row) -> statuses.put(rs.getLong("subject_id"), NoticeStatus.valueOf(rs.getString("status"))))
			.list();
		return statuses;
	}

	private static LinkNotice map(ResultSet rs, int row) throws SQLException {
		return new LinkNotice(rs.getLong("id"), LinkPurpose.valueOf(rs.getString("purpose")), rs.getLong("subject_id"),
				rs.getString("recipient"), rs.getString("agency_name"), rs.getString("role"), rs.getString("actor"),
				rs.getObject("link_expires_at", OffsetDateTime.class).toInstant(),
				NoticeStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("message_id"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
