package io.tokenwarden.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded PostgreSQL lets nobody in without the generated password: not the superuser with an empty
 * one, not over a Unix socket, not a cluster made by an earlier version; and it commits durably.
 */
class EmbeddedPostgresSecurityTests {

	@Test
	void newClusterWhenTheSuperuserGivesNoPasswordThenRefusedAndOnlyTheGeneratedOneWorksDurably(@TempDir Path dir)
			throws Exception {
		Path data = dir.resolve("postgres");
		try {
			String url = EmbeddedPostgresServer.start(data, true);
			String password = EmbeddedPostgresServer.password(data);

			assertRefused(url, "");
			assertRefused(url, "postgres");
			JdbcClient jdbc = jdbc(url, password);
			assertThat(jdbc.sql("select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'")
				.query(Boolean.class).single()).isTrue();
			assertThat(everyRuleOf(data)).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
			assertThat(jdbc.sql("show unix_socket_directories").query(String.class).single()).isEmpty();
			assertThat(jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("localhost");
			// durability: a commit shown as done survives a host crash
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			Path file = dir.resolve("postgres.password");
			assertThat(Files.readString(file)).isEqualTo(password).hasSizeGreaterThanOrEqualTo(40);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		finally {
			EmbeddedPostgresServer.stop(data);
		}
	}

	@Test
	void clusterOfAnEarlierVersionWithoutAPasswordWhenStartedThenRequiresTheGeneratedOneFromThenOn(@TempDir Path dir)
			throws Exception {
		Path data = dir.resolve("postgres");
		try {
			// as earlier versions left it: initdb's trust, no password, no password file
			String url = EmbeddedPostgresServer.start(data, true);
			JdbcClient jdbc = jdbc(url, EmbeddedPostgresServer.password(data));
			jdbc.sql("alter role postgres password null").update();
			Files.write(data.resolve("pg_hba.conf"), List.of("local all all trust", "host all all 127.0.0.1/32 trust",
					"host all all ::1/128 trust"));
			EmbeddedPostgresServer.stop(data);
			Files.delete(dir.resolve("postgres.password"));

			url = EmbeddedPostgresServer.start(data, false);
			String password = EmbeddedPostgresServer.password(data);

			assertRefused(url, "");
			assertThat(everyRuleOf(data)).allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
			EmbeddedPostgresServer.stop(data);
			url = EmbeddedPostgresServer.start(data, false);
			assertThat(EmbeddedPostgresServer.password(data)).as("kept across restarts").isEqualTo(password);
			assertThat(jdbc(url, password).sql("select 1").query(Integer.class).single()).isOne();
		}
		finally {
			EmbeddedPostgresServer.stop(data);
		}
	}

	private static void assertRefused(String url, String password) {
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(url, "postgres", password).close())
			// 28P01: the server refused the password; 08004: it asked for one (SCRAM) and the driver had none to give
			.satisfies(ex -> assertThat(ex.getSQLState()).isIn("28P01", "08004"));
	}

	private static List<String> everyRuleOf(Path data) throws Exception {
		return Files.readAllLines(data.resolve("pg_hba.conf")).stream()
			.map(String::trim)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
	}

	private static JdbcClient jdbc(String url, String password) {
		return JdbcClient.create(new DriverManagerDataSource(url, "postgres", password));
	}

}
