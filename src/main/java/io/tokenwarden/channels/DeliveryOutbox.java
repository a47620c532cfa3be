package io.tokenwarden.channels;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static io.tokenwarden.channels.ChannelStore.at;
import static io.tokenwarden.channels.ChannelStore.instant;

/**
 * The channel deliveries: the one writer of {@code channel_delivery}. As with the notices, who may claim
 * a delivery is decided on database time, so instances with skewed clocks never send one at once; when
 * it is due is decided on the application's clock, which tests move.
 */
@Component
class DeliveryOutbox {

	private final JdbcClient jdbc;

	DeliveryOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the message unless the channel has one with this key; true when added. */
	boolean insert(long channelId, UUID eventId, String event, String key, String summary, String payload,
			Instant now) {
		return this.jdbc.sql("""
				insert into channel_delivery (channel_id, event_id, event, dedupe_key, summary, payload,
				    next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (channel_id, dedupe_key) do nothing""")
			.params(channelId, eventId, event, key, summary, payload, at(now), at(now))
			.update() == 1;
	}

	/** Locks up to {@code limit} due deliveries of live channels that no other instance holds (in a transaction). */
	List<Claimed> lockDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select d.id, d.channel_id, d.event_id, d.event, d.summary, d.payload, d.attempts,
				    c.kind, c.url_ciphertext, c.secret_ciphertext
				from channel_delivery d join notification_channel c on c.id = d.channel_id
				where d.status in ('PENDING', 'FAILED') and d.next_attempt_at <= ?
				  and (d.claimed_until is null or d.claimed_until <= now()) and c.removed_at is null
				order by d.next_attempt_at, d.id
				limit ?
				for update of d skip locked""")
			.params(at(now), limit)
			.query(DeliveryOutbox::claimed)
			.list();
	}

	void claim(Collection<Long> ids, Duration claimTimeout) {
		this.jdbc.sql("update channel_delivery set claimed_until = now() + make_interval(secs => :seconds) where id in (:ids)")
			.param("seconds", (double) claimTimeout.toSeconds())
			.param("ids", ids)
			.update();
	}

	void markSent(long id, Instant now) {
		this.jdbc.sql("""
				update channel_delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?, claimed_until = null,
				    last_error = null
				where id = ?""")
			.params(at(now), id)
			.update();
	}

	/** Records a failed attempt: retried at {@code retryAt}, or DEAD when {@code giveUp}. */
	void markFailed(long id, boolean giveUp, Instant retryAt, String error) {
		this.jdbc.sql("""
				update channel_delivery set status = ?, attempts = attempts + 1, next_attempt_at = ?,
				    claimed_until = null, last_error = ?
				where id = ?""")
			.params(giveUp ? DeliveryStatus.DEAD.name() : DeliveryStatus.FAILED.name(), at(retryAt), error, id)
			.update();
	}

	/** A removed channel's messages that have not gone out never will. */
	void cancelWaiting(long channelId) {
		this.jdbc.sql("update channel_delivery set status = 'CANCELLED', claimed_until = null"
				+ " where channel_id = ? and status in ('PENDING', 'FAILED')")
			.param(channelId)
			.update();
	}

	DeliveryPage page(long channelId, int page, int size) {
		long total = this.jdbc.sql("select count(*) from channel_delivery where channel_id = ?")
			.param(channelId)
			.query(Long.class)
			.single();
		List<DeliveryView> rows = this.jdbc.sql("""
				select id, event, summary, status, attempts, next_attempt_at, last_error, created_at, sent_at
				from channel_delivery where channel_id = ?
				order by created_at desc, id desc limit ? offset ?""")
			.params(channelId, size, (long) page * size)
			.query((rs, n) -> new DeliveryView(rs.getLong("id"), rs.getString("event"), rs.getString("summary"),
					DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
					rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "sent_at")))
			.list();
		return new DeliveryPage(rows, total, page, size);
	}

	/** Deliveries waiting to go out (pending or retrying) to live channels: one indexed count. */
	long waiting() {
		return this.jdbc.sql("select count(*) from channel_delivery where status in ('PENDING', 'FAILED')")
			.query(Long.class)
			.single();
	}

	/** For the gauge: a database that cannot answer is no number, not zero. */
	double waitingOrNaN() {
		try {
			return waiting();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	/** A delivery reserved for this instance, with what sending it needs (the secrets still encrypted). */
	record Claimed(long id, long channelId, UUID eventId, String event, String summary, String payload, int attempts,
			ChannelKind kind, byte[] urlCiphertext, byte[] secretCiphertext) {
	}

	private static Claimed claimed(ResultSet rs, int row) throws SQLException {
		return new Claimed(rs.getLong("id"), rs.getLong("channel_id"), rs.getObject("event_id", UUID.class),
				rs.getString("event"), rs.getString("summary"), rs.getString("payload"), rs.getInt("attempts"),
				ChannelKind.valueOf(rs.getString("kind")), rs.getBytes("url_ciphertext"),
				rs.getBytes("secret_ciphertext"));
	}

}
