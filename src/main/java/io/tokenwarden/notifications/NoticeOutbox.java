package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The notice table. Who may claim a notice is decided on database time ({@code now()}), so that
 * instances with skewed clocks never send the same notice at once; when a notice is due is
 * decided on the application's clock, which tests can move.
 */
@Component
class NoticeOutbox {

	private static final String COLUMNS = """
			id, kind, account_id, recipient, admin_copy, publisher, external_id, account_name, owner_email, reason,
			occurred_at, expires_at, actor, status, attempts, next_attempt_at, message_id, last_error, created_at,
			sent_at""";

	private final JdbcClient jdbc;

	NoticeOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the notice unless one with the same key for the same recipient exists; true when inserted. */
	boolean insert(NewNotice notice, Instant now) {
		NoticeAccount account = notice.account();
		return this.jdbc.sql("""
				insert into notice (kind, account_id, recipient, admin_copy, publisher, external_id, account_name,
				    owner_email, reason, occurred_at, expires_at, actor, dedupe_key, next_attempt_at, created_at)
				values (:kind, :account, :recipient, :copy, :publisher, :externalId, :name, :owner, :reason,
				    :occurredAt, :expiresAt, :actor, :key, :now, :now)
				on conflict (dedupe_key) do nothing""")
			.param("kind", notice.kind().name())
			.param("account", account.id())
			.param("recipient", notice.recipient())
			.param("copy", notice.adminCopy())
			.param("publisher", account.publisher().name())
			.param("externalId", account.externalId())
			.param("name", account.name())
			.param("owner", account.ownerEmail())
			.param("reason", notice.reason())
			.param("occurredAt", timestamp(notice.occurredAt()))
			.param("expiresAt", timestamp(notice.expiresAt()))
			.param("actor", notice.actor())
			.param("key", notice.dedupeKey() + " -> " + notice.recipient().toLowerCase(Locale.ROOT))
			.param("now", timestamp(now))
			.update() == 1;
	}

	/** Locks up to {@code limit} due notices that no other instance holds; call inside a transaction. */
	List<Notice> lockDue(Instant now, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from notice
				where status in ('PENDING', 'FAILED') and next_attempt_at <= :now
				  and (claimed_until is null or claimed_until <= now())
				order by next_attempt_at, id
				limit :limit
				for update skip locked""")
			.param("now", timestamp(now))
			.param("limit", limit)
			.query(NoticeOutbox::map)
			.list();
	}

	/** Reserves the notices for this instance and fixes the Message-ID their email will carry. */
	void claim(Collection<Long> ids, String messageId, Duration claimTimeout) {
		this.jdbc.sql("""
				update notice set message_id = :messageId, claimed_until = now() + make_interval(secs => :seconds)
				where id in (:ids)""")
			.param("messageId", messageId)
			.param("seconds", (double) claimTimeout.toSeconds())
			.param("ids", ids)
			.update();
	}

	void markSent(Collection<Long> ids, Instant now) {
		this.jdbc.sql("""
				update notice set status = 'SENT', attempts = attempts + 1, sent_at = :now, claimed_until = null,
				    last_error = null
				where id in (:ids)""")
			.param("now", timestamp(now))
			.param("ids", ids)
			.update();
	}

	/** Records a failed attempt: retried at {@code retryAt}, or DEAD when {@code giveUp}. */
	void markFailed(Collection<Long> ids, boolean giveUp, Instant retryAt, String error) {
		this.jdbc.sql("""
				update notice set status = :status, attempts = attempts + 1, next_attempt_at = :retryAt,
				    claimed_until = null, last_error = :error
				where id in (:ids)""")
			.param("status", giveUp ? NoticeStatus.DEAD.name() : NoticeStatus.FAILED.name())
			.param("retryAt", timestamp(retryAt))
			.param("error", error)
			.param("ids", ids)
			.update();
	}

	List<Notice> forAccount(long accountId, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from notice where account_id = ? order by created_at desc, id desc limit ?")
			.params(accountId, limit)
			.query(NoticeOutbox::map)
			.list();
	}

	/** One page of the notices about accounts linked to the agency, newest first. */
	NoticePage page(long agencyId, NoticeStatus status, int page, int size) {
		String where = """
				 from notice n where n.account_id in (select l.account_id from agency_account_link l where l.agency_id = :agency)
				""" + (status == null ? "" : " and n.status = :status");
		JdbcClient.StatementSpec count = this.jdbc.sql("select count(*)" + where).param("agency", agencyId);
		if (status != null) {
			count = count.param("status", status.name());
		}
		long total = count.query(Long.class).single();
		JdbcClient.StatementSpec select = this.jdbc
			.sql("select " + COLUMNS + where
					+ " order by n.created_at desc, n.id desc limit :limit offset :offset")
			.param("agency", agencyId)
			.param("limit", size)
			.param("offset", (long) page * size);
		if (status != null) {
			select = select.param("status", status.name());
		}
		return new NoticePage(select.query(NoticeOutbox::map).list(), total, status, page, size);
	}

	private static Notice map(ResultSet rs, int row) throws SQLException {
		return new Notice(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")), rs.getLong("account_id"),
				rs.getString("recipient"), rs.getBoolean("admin_copy"), Publisher.valueOf(rs.getString("publisher")),
				rs.getString("external_id"), rs.getString("account_name"), rs.getString("owner_email"),
				rs.getString("reason"), instant(rs, "occurred_at"), instant(rs, "expires_at"), rs.getString("actor"),
				NoticeStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getString("message_id"), rs.getString("last_error"), instant(rs, "created_at"),
				instant(rs, "sent_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	int withdrawUnsent(long accountId, java.util.Set<NoticeKind> kinds) {
		return this.jdbc.sql("delete from notice where account_id = :account and kind in (:kinds)"
				+ " and status in ('PENDING', 'FAILED') and sent_at is null")
			.param("account", accountId)
			.param("kinds", kinds.stream().map(Enum::name).toList())
			.update();
	}

	/**
	 * Sends the account's unsent owner notices to its new owner instead of the old one: recipient, owner
	 * and dedupe key move over; one that the new owner already has waiting is dropped, not doubled.
	 * Admin copies keep their recipients and learn the new owner's address.
	 */
	int readdress(long accountId, String previousOwner, String newOwner) {
		String oldSuffix = " -> " + previousOwner.toLowerCase(Locale.ROOT);
		String newSuffix = " -> " + newOwner.toLowerCase(Locale.ROOT);
		String unsent = " n.account_id = :account and n.status in ('PENDING', 'FAILED') and n.sent_at is null";
		this.jdbc.sql("delete from notice n where" + unsent + " and not n.admin_copy and lower(n.recipient) = :old"
				+ " and exists (select 1 from notice m"
				+ " where m.dedupe_key = left(n.dedupe_key, length(n.dedupe_key) - length(:oldSuffix)) || :newSuffix)")
			.param("account", accountId)
			.param("old", previousOwner.toLowerCase(Locale.ROOT))
			.param("oldSuffix", oldSuffix)
			.param("newSuffix", newSuffix)
			.update();
		int moved = this.jdbc.sql("update notice n set recipient = :new,"
				+ " dedupe_key = left(n.dedupe_key, length(n.dedupe_key) - length(:oldSuffix)) || :newSuffix where" + unsent
				+ " and not n.admin_copy and lower(n.recipient) = :old")
			.param("account", accountId)
			.param("new", newOwner)
			.param("old", previousOwner.toLowerCase(Locale.ROOT))
			.param("oldSuffix", oldSuffix)
			.param("newSuffix", newSuffix)
			.update();
		this.jdbc.sql("update notice n set owner_email = :new where" + unsent)
			.param("account", accountId)
			.param("new", newOwner)
			.update();
		return moved;
	}

}
