package io.tokenwarden.agencies;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Agencies, the people who sign in, and their memberships. */
@Service
public class AgencyDirectory {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	AgencyDirectory(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
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

	@Transactional
	public long createUser(String email, String displayName, String rawPassword) {
		return this.jdbc.sql("insert into app_user (email, display_name, password_hash) values (?, ?, ?) returning id")
			.params(normalize(email), displayName, this.passwordEncoder.encode(rawPassword))
			.query(Long.class)
			.single();
	}

	@Transactional
	public void addMember(long agencyId, long userId, Role role) {
		this.jdbc.sql("insert into agency_membership (user_id, agency_id, role) values (?, ?, ?)")
			.params(userId, agencyId, role.name())
			.update();
	}

	private static String normalize(String email) {
		return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
	}

}
