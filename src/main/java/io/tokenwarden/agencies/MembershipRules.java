package io.tokenwarden.agencies;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/**
 * The rules that keep a team workable, applied under a lock so that two admins demoting each other
 * at the same moment cannot both succeed: an agency keeps at least one ADMIN, the installation at
 * least one installation admin. Callers run inside a transaction.
 */
final class MembershipRules {

	private final JdbcClient jdbc;

	MembershipRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	MembershipChange changeRole(long agencyId, long userId, Role role) {
		lockAgency(agencyId);
		Optional<Role> current = role(agencyId, userId);
		if (current.isEmpty()) {
			return MembershipChange.NOT_A_MEMBER;
		}
		if (current.get() == role) {
			return MembershipChange.UNCHANGED;
		}
		if (current.get() == Role.ADMIN && otherAdmins(agencyId, userId) == 0) {
			return MembershipChange.LAST_ADMIN;
		}
		this.jdbc.sql("update agency_membership set role = ? where agency_id = ? and user_id = ?")
			.params(role.name(), agencyId, userId)
			.update();
		return MembershipChange.CHANGED;
	}

	MembershipChange remove(long agencyId, long userId) {
		lockAgency(agencyId);
		Optional<Role> current = role(agencyId, userId);
		if (current.isEmpty()) {
			return MembershipChange.NOT_A_MEMBER;
		}
		if (current.get() == Role.ADMIN && otherAdmins(agencyId, userId) == 0) {
			return MembershipChange.LAST_ADMIN;
		}
		this.jdbc.sql("delete from agency_membership where agency_id = ? and user_id = ?").params(agencyId, userId).update();
		return MembershipChange.CHANGED;
	}

	boolean setInstallationAdmin(long userId, boolean admin) {
		// one lock for the whole installation's admins: the same advisory lock FirstAdmin takes
		this.jdbc.sql("select pg_advisory_xact_lock(7301)").query().singleValue();
		if (!admin) {
			long others = this.jdbc.sql("select count(*) from app_user where installation_admin and enabled and id <> ?")
				.param(userId)
				.query(Long.class)
				.single();
			if (others == 0) {
				return false;
			}
		}
		this.jdbc.sql("update app_user set installation_admin = ? where id = ?").params(admin, userId).update();
		return true;
	}

	private void lockAgency(long agencyId) {
		this.jdbc.sql("select id from agency where id = ? for update").param(agencyId).query(Long.class).optional();
	}

	private Optional<Role> role(long agencyId, long userId) {
		return this.jdbc.sql("select role from agency_membership where agency_id = ? and user_id = ?")
			.params(agencyId, userId)
			.query((rs, row) -> Role.valueOf(rs.getString(1)))
			.optional();
	}

	private long otherAdmins(long agencyId, long userId) {
		return this.jdbc.sql("""
				select count(*) from agency_membership m join app_user u on u.id = m.user_id
				where m.agency_id = ? and m.role = 'ADMIN' and m.user_id <> ? and u.enabled""")
			.params(agencyId, userId)
			.query(Long.class)
			.single();
	}

}
