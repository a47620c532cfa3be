package io.tokenwarden.members;

import io.tokenwarden.agencies.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The invitation table; callers hold the transaction. */
@Component
class InvitationStore {

	private static final String SELECT = """
			select i.id, i.agency_id, a.name as agency_name, i.email, i.role, i.invited_by, i.created_at, i.expires_at,
			       i.accepted_at, i.revoked_at
			from invitation i join agency a on a.id = i.agency_id""";

	private final JdbcClient jdbc;

	InvitationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long agencyId, String email, Role role, String invitedBy, Instant now, Instant expiresAt) {
		return this.jdbc.sql("""
				insert into invitation (agency_id, email, role, invited_by, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(agencyId, email, role.name(), invitedBy, utc(now), utc(expiresAt))
			.query(Long.class)
			.single();
	}

	/** The pending invitation of the address to the agency, locked (there is at most one). */
	Optional<Invitation> lockPending(long agencyId, String email) {
		return this.jdbc.sql(SELECT + " where i.agency_id = ? and i.email = ? and i.accepted_at is null"
				+ " and i.revoked_at is null for update of i")
			.params(agencyId, email)
			.query(InvitationStore::map)
			.optional();
	}

	Optional<Invitation> find(long id) {
		return this.jdbc.sql(SELECT + " where i.id = ?").param(id).query(InvitationStore::map).optional();
	}

	/** Pending invitations of the agency (expired ones too, until replaced or revoked), newest first. */
	List<Invitation> pending(long agencyId) {
		return this.jdbc.sql(SELECT + " where i.agency_id = ? and i.accepted_at is null and i.revoked_at is null"
				+ " order by i.created_at desc, i.id desc")
			.param(agencyId)
			.query(InvitationStore::map)
			.list();
	}

	boolean revoke(long id, Instant now) {
		return this.jdbc.sql("update invitation set revoked_at = ? where id = ? and accepted_at is null and revoked_at is null")
			.params(utc(now), id)
			.update() == 1;
	}

	boolean accept(long id, Instant now) {
		return this.jdbc.sql("update invitation set accepted_at = ? where id = ? and accepted_at is null and revoked_at is null")
			.params(utc(now), id)
			.update() == 1;
	}

	private static Invitation map(ResultSet rs, int row) throws SQLException {
		return new Invitation(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("agency_name"),
				rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getString("invited_by"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "accepted_at"),
				instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
