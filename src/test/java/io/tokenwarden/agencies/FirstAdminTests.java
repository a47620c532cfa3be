package io.tokenwarden.agencies;

import io.tokenwarden.database.ScratchDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The first admin of a real installation, from tokenwarden.bootstrap.*, each test on an empty database. */
class FirstAdminTests {

	private final PasswordEncoder passwordEncoder = new BCryptPasswordEncoder();

	private JdbcClient jdbc;

	private AgencyDirectory directory;

	@BeforeEach
	void emptyDatabase() {
		this.jdbc = JdbcClient.create(ScratchDatabases.createMigrated());
		this.directory = new AgencyDirectory(this.jdbc, this.passwordEncoder);
	}

	@Test
	void runWhenNobodyCanSignInYetThenCreatesOneAdminOfTheAgency() {
		firstAdmin("Boss@Example.test", "a-long-password", "Acme Agency").run(null);

		assertThat(this.directory.membershipsOf("boss@example.test"))
			.containsExactly(new AgencyRole(this.directory.findAgency("Acme Agency").orElseThrow(), "Acme Agency", Role.ADMIN));
		assertThat(this.passwordEncoder.matches("a-long-password",
				this.directory.findUser("boss@example.test").orElseThrow().passwordHash())).isTrue();
	}

	@Test
	void runWhenStartedAgainThenStillOneAdmin() {
		firstAdmin("boss@example.test", "a-long-password", "Acme Agency").run(null);
		firstAdmin("boss@example.test", "a-long-password", "Acme Agency").run(null);

		assertThat(count("app_user")).isOne();
		assertThat(count("agency")).isOne();
	}

	@Test
	void runWhenSomeoneCanSignInAlreadyThenCreatesNothing() {
		this.directory.createUser("someone@example.test", "Someone", "their-password");

		firstAdmin("boss@example.test", "a-long-password", "Acme Agency").run(null);

		assertThat(this.directory.findUser("boss@example.test")).isEmpty();
		assertThat(count("agency")).isZero();
	}

	@Test
	void runWhenNoAdminIsConfiguredThenDoesNothing() {
		firstAdmin(null, null, null).run(null);

		assertThat(count("app_user")).isZero();
	}

	@Test
	void runWhenNoAgencyIsNamedThenMyAgency() {
		firstAdmin("boss@example.test", "a-long-password", null).run(null);

		assertThat(this.directory.membershipsOf("boss@example.test")).extracting(AgencyRole::agencyName)
			.containsExactly("My Agency");
	}

	@Test
	void runWhenThePasswordIsShortThenRefusesAndCreatesNothing() {
		assertThatIllegalStateException().isThrownBy(() -> firstAdmin("boss@example.test", "short", "Acme").run(null))
			.withMessageContaining("at least 12 characters")
			.withMessageNotContaining("short");
		assertThat(count("app_user")).isZero();
	}

	private FirstAdmin firstAdmin(String email, String password, String agency) {
		return new FirstAdmin(new FirstAdmin.Settings(email, password, agency), this.directory, this.jdbc);
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
