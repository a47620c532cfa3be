package io.tokenwarden.channels;

import io.tokenwarden.publishers.Publisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The channel table: the one writer of {@code notification_channel}. */
@Component
class ChannelStore {

	/** Associated data of a channel's URL ciphertext, with its id. */
	static final String URL_PURPOSE = "notification_channel.url";

	/** Associated data of a generic webhook's signing secret, with its id. */
	static final String SECRET_PURPOSE = "notification_channel.secret";

	private static final String VIEW = """
			select c.id, c.agency_id, c.kind, c.name, c.url_hint, c.events, c.created_by, c.created_at,
			    (select count(*) from channel_delivery d where d.channel_id = c.id and d.status in ('PENDING', 'FAILED')) as waiting,
			    (select count(*) from channel_delivery d where d.channel_id = c.id and d.status = 'DEAD') as dead,
			    (select max(d.sent_at) from channel_delivery d where d.channel_id = c.id) as last_sent_at,
			    f.last_error, coalesce(f.attempts, 0) as last_attempts
			from notification_channel c
			left join lateral (select d.last_error, d.attempts from channel_delivery d
			    where d.channel_id = c.id and d.status in ('FAILED', 'DEAD')
			      -- a message that went through since says the channel works again
			      and d.id > coalesce((select max(s.id) from channel_delivery s where s.channel_id = c.id and s.status = 'SENT'), 0)
			    order by d.id desc limit 1) f on true
			""";

	private final JdbcClient jdbc;

	ChannelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new channel without its secrets yet (they are bound to its id): returns the id. */
	long insert(long agencyId, NewChannel channel, String fingerprint, String hint, String actor, Instant now) {
		return this.jdbc.sql("""
				insert into notification_channel (agency_id, kind, name, url_fingerprint, url_hint, events, created_by,
				    created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(agencyId, channel.kind().name(), channel.name(), fingerprint, hint,
					ChannelEvent.stored(channel.events()), actor, at(now))
			.query(Long.class)
			.single();
	}

	void storeSecrets(long id, byte[] url, byte[] secret) {
		this.jdbc.sql("update notification_channel set url_ciphertext = ?, secret_ciphertext = ? where id = ?")
			.params(url, secret, id)
			.update();
	}

	boolean urlTaken(long agencyId, String fingerprint) {
		return this.jdbc.sql("""
				select exists (select 1 from notification_channel
				where agency_id = ? and url_fingerprint = ? and removed_at is null)""")
			.params(agencyId, fingerprint)
			.query(Boolean.class)
			.single();
	}

	List<ChannelView> list(long agencyId) {
		return this.jdbc.sql(VIEW + " where c.agency_id = ? and c.removed_at is null order by lower(c.name), c.id")
			.param(agencyId)
			.query(ChannelStore::view)
			.list();
	}

	Optional<ChannelView> find(long agencyId, long id) {
		return this.jdbc.sql(VIEW + " where c.agency_id = ? and c.id = ? and c.removed_at is null")
			.params(agencyId, id)
			.query(ChannelStore::view)
			.optional();
	}

	/** Whether the agency ever had this channel (removed or not). */
	boolean existed(long agencyId, long id) {
		return this.jdbc.sql("select exists (select 1 from notification_channel where agency_id = ? and id = ?)")
			.params(agencyId, id)
			.query(Boolean.class)
			.single();
	}

	/** Removes the channel and forgets its secrets; false when it was removed already. */
	boolean remove(long agencyId, long id, String actor, Instant now) {
		return this.jdbc.sql("""
				update notification_channel set removed_at = ?, removed_by = ?, url_ciphertext = null,
				    secret_ciphertext = null
				where agency_id = ? and id = ? and removed_at is null""")
			.params(at(now), actor, agencyId, id)
			.update() == 1;
	}

	/** The channels that receive {@code event} about the account: those of every agency it is linked to. */
	List<Recipient> forAccount(long accountId, ChannelEvent event) {
		return this.jdbc.sql("""
				select c.id, c.agency_id, g.name as agency_name from notification_channel c
				join agency_account_link l on l.agency_id = c.agency_id
				join agency g on g.id = c.agency_id
				where l.account_id = ? and c.removed_at is null and c.events like ?""")
			.params(accountId, "%," + event.name() + ",%")
			.query(ChannelStore::recipient)
			.list();
	}

	/** The channels that receive {@code event} about the publisher: those of agencies with accounts on it. */
	List<Recipient> forPublisher(Publisher publisher, ChannelEvent event) {
		return this.jdbc.sql("""
				select c.id, c.agency_id, g.name as agency_name from notification_channel c
				join agency g on g.id = c.agency_id
				where c.removed_at is null and c.events like ?
				  and exists (select 1 from agency_account_link l join publisher_account a on a.id = l.account_id
				      where l.agency_id = c.agency_id and a.publisher = ? and a.archived_at is null)""")
			.params("%," + event.name() + ",%", publisher.name())
			.query(ChannelStore::recipient)
			.list();
	}

	Optional<Recipient> recipient(long agencyId, long id) {
		return this.jdbc.sql("""
				select c.id, c.agency_id, g.name as agency_name from notification_channel c
				join agency g on g.id = c.agency_id
				where c.agency_id = ? and c.id = ? and c.removed_at is null""")
			.params(agencyId, id)
			.query(ChannelStore::recipient)
			.optional();
	}

	/** A channel that receives a message, with its agency's name for the message. */
	record Recipient(long channelId, long agencyId, String agencyName) {
	}

	private static Recipient recipient(ResultSet rs, int row) throws SQLException {
		return new Recipient(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("agency_name"));
	}

	private static ChannelView view(ResultSet rs, int row) throws SQLException {
		return new ChannelView(rs.getLong("id"), rs.getLong("agency_id"), ChannelKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("url_hint"), ChannelEvent.parse(rs.getString("events")),
				rs.getString("created_by"), instant(rs, "created_at"), rs.getLong("waiting"), rs.getLong("dead"),
				rs.getString("last_error"), rs.getInt("last_attempts"), instant(rs, "last_sent_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
