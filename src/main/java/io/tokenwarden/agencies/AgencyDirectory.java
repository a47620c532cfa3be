package io.tokenwarden.agencies;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Agencies, the people who sign in, and their memberships: the one writer of those tables. Role
 * changes and removals keep every agency with at least one ADMIN.
 */
@Service
public class AgencyDirectory {

	private static final String PERSON = "select id, email, display_name, enabled, installation_admin, last_sign_in_at from app_user";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final MembershipRules rules;

	AgencyDirectory(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.rules = new MembershipRules(jdbc);
	}

	/** A person who can sign in. */
	public record UserLogin(long id, String email, String passwordHash, boolean enabled) {
	}

	public Optional<UserLogin> findUser(String email) {
		return this.jdbc.sql("select id, email, password_hash, enabled from app_user where email = ?")
			.param(normalize(email))
			.query(UserLogin.class)
			.optional();
	}

	public Optional<Person> findPerson(String email) {
		return this.jdbc.sql(PERSON + " where email = ?").param(normalize(email)).query(AgencyDirectory::person).optional();
	}

	public Optional<Person> findPerson(long userId) {
		return this.jdbc.sql(PERSON + " where id = ?").param(userId).query(AgencyDirectory::person).optional();
	}

	/** The agencies of an enabled user, by name; empty for an unknown or disabled user. */
	public List<AgencyRole> membershipsOf(String email) {
		return this.jdbc.sql("""
				select a.id as agency_id, a.name as agency_name, m.role
				from app_user u
				join agency_membership m on m.user_id = u.id
				join agency a on a.id = m.agency_id
				where u.email = ? and u.enabled
				order by a.name""")
			.param(normalize(email))
			.query(AgencyRole.class)
			.list();
	}

	/** The members of the agency, by name. */
	public List<Member> members(long agencyId) {
		return this.jdbc.sql("""
				select u.id, u.email, u.display_name, m.role, u.last_sign_in_at
				from agency_membership m join app_user u on u.id = m.user_id
				where m.agency_id = ? order by lower(u.display_name), u.email""")
			.param(agencyId)
			.query((rs, row) -> new Member(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
					Role.valueOf(rs.getString("role")), instant(rs, "last_sign_in_at")))
			.list();
	}

	public Optional<Role> roleOf(long agencyId, long userId) {
		return this.jdbc.sql("select role from agency_membership where agency_id = ? and user_id = ?")
			.params(agencyId, userId)
			.query((rs, row) -> Role.valueOf(rs.getString(1)))
			.optional();
	}

	public boolean hasUsers() {
		return this.jdbc.sql("select exists (select 1 from app_user)").query(Boolean.class).single();
	}

	@Transactional
	public long createAgency(String name) {
		return this.jdbc.sql("insert into agency (name) values (?) returning id").param(name).query(Long.class).single();
	}

	public Optional<Long> findAgency(String name) {
		return this.jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).optional();
	}

	public Optional<String> agencyName(long agencyId) {
		return this.jdbc.sql("select name from agency where id = ?").param(agencyId).query(String.class).optional();
	}

	/** Every agency with its member and account counts, by name. */
	public List<AgencySummary> agencies() {
		return this.jdbc.sql("""
				select a.id, a.name, a.created_at, a.account_count,
				       count(m.user_id) as members, count(m.user_id) filter (where m.role = 'ADMIN') as admins
				from agency a left join agency_membership m on m.agency_id = a.id
				group by a.id order by lower(a.name)""")
			.query((rs, row) -> new AgencySummary(rs.getLong("id"), rs.getString("name"), instant(rs, "created_at"),
					rs.getLong("members"), rs.getLong("admins"), rs.getLong("account_count")))
			.list();
	}

	@Transactional
	public long createUser(String email, String displayName, String rawPassword) {
		return this.jdbc.sql("insert into app_user (email, display_name, password_hash) values (?, ?, ?) returning id")
			.params(normalize(email), displayName, this.passwordEncoder.encode(rawPassword))
			.query(Long.class)
			.single();
	}

	/** Replaces the person's password (the caller checked the policy). */
	@Transactional
	public void setPassword(long userId, String rawPassword) {
		this.jdbc.sql("update app_user set password_hash = ? where id = ?")
			.params(this.passwordEncoder.encode(rawPassword), userId)
			.update();
	}

	/** Whether {@code rawPassword} is the person's current password. */
	public boolean passwordMatches(long userId, String rawPassword) {
		String hash = this.jdbc.sql("select password_hash from app_user where id = ?").param(userId).query(String.class).single();
		return rawPassword != null && this.passwordEncoder.matches(rawPassword, hash);
	}

	@Transactional
	public void recordSignIn(String email, Instant at) {
		this.jdbc.sql("update app_user set last_sign_in_at = ? where email = ?").params(utc(at), normalize(email)).update();
	}

	@Transactional
	public void addMember(long agencyId, long userId, Role role) {
		this.jdbc.sql("insert into agency_membership (user_id, agency_id, role) values (?, ?, ?)")
			.params(userId, agencyId, role.name())
			.update();
	}

	/** Adds the membership unless the person is a member already; true when added. */
	@Transactional
	public boolean addMemberIfAbsent(long agencyId, long userId, Role role) {
		return this.jdbc.sql("""
				insert into agency_membership (user_id, agency_id, role) values (?, ?, ?)
				on conflict (user_id, agency_id) do nothing""")
			.params(userId, agencyId, role.name())
			.update() == 1;
	}

	/** Gives the member another role; never leaves the agency without an ADMIN. */
	@Transactional
	public MembershipChange changeRole(long agencyId, long userId, Role role) {
		return this.rules.changeRole(agencyId, userId, role);
	}

	/** Removes the member from the agency; never its last ADMIN. */
	@Transactional
	public MembershipChange removeMember(long agencyId, long userId) {
		return this.rules.remove(agencyId, userId);
	}

	public boolean isInstallationAdmin(String email) {
		return this.jdbc.sql("select exists (select 1 from app_user where email = ? and enabled and installation_admin)")
			.param(normalize(email))
			.query(Boolean.class)
			.single();
	}

	public List<Person> installationAdmins() {
		return this.jdbc.sql(PERSON + " where installation_admin order by email").query(AgencyDirectory::person).list();
	}

	/**
	 * Makes the person an installation admin or not; false when that would leave the installation
	 * without one.
	 */
	@Transactional
	public boolean setInstallationAdmin(long userId, boolean admin) {
		return this.rules.setInstallationAdmin(userId, admin);
	}

	static String normalize(String email) {
		return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
	}

	private static Person person(ResultSet rs, int row) throws SQLException {
		return new Person(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), rs.getBoolean("enabled"),
				rs.getBoolean("installation_admin"), instant(rs, "last_sign_in_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
