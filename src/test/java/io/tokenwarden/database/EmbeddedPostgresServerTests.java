package io.tokenwarden.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL keeps its data on disk: what was written before a restart is there after it. */
class EmbeddedPostgresServerTests {

	@Test
	void startWhenTheSameDirectoryIsStartedAgainThenEarlierRowsAreStillThere(@TempDir Path dir) {
		Path data = dir.resolve("postgres");
		try {
			jdbc(data, EmbeddedPostgresServer.start(data, false)).sql("create table kept (note text)").update();
			jdbc(data, EmbeddedPostgresServer.start(data, false)).sql("insert into kept values ('written before the restart')")
				.update();
			EmbeddedPostgresServer.stop(data);
			assertThat(data.resolve("postmaster.pid")).doesNotExist();

			String url = EmbeddedPostgresServer.start(data, false);

			assertThat(jdbc(data, url).sql("select note from kept").query(String.class).list())
				.containsExactly("written before the restart");
		}
		finally {
			EmbeddedPostgresServer.stop(data);
		}
	}

	@Test
	void startWhenFreshThenTheDirectoryStartsEmpty(@TempDir Path dir) {
		Path data = dir.resolve("postgres");
		try {
			jdbc(data, EmbeddedPostgresServer.start(data, false)).sql("create table dropped (note text)").update();
			EmbeddedPostgresServer.stop(data);

			String url = EmbeddedPostgresServer.start(data, true);

			assertThat(Files.isDirectory(data)).isTrue();
			assertThat(jdbc(data, url).sql("select count(*) from pg_tables where tablename = 'dropped'")
				.query(Long.class)
				.single()).isZero();
		}
		finally {
			EmbeddedPostgresServer.stop(data);
		}
	}

	private static JdbcClient jdbc(Path data, String url) {
		return JdbcClient.create(new DriverManagerDataSource(url, "postgres", EmbeddedPostgresServer.password(data)));
	}

}
