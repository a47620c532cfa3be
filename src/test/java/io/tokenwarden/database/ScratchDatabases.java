package io.tokenwarden.database;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Empty databases for tests that need one of their own (migrations, first admin, scale data): each
 * is a new database in one scratch PostgreSQL per test JVM, apart from the shared test database.
 */
public final class ScratchDatabases {

	private static final Path DIRECTORY = Path.of("target", "scratch-postgres");

	private static final AtomicInteger counter = new AtomicInteger();

	private ScratchDatabases() {
	}

	/** The JDBC URL of a new, empty database (no schema). */
	public static String createUrl() {
		String serverUrl = EmbeddedPostgresServer.start(DIRECTORY, true);
		String name = "scratch_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(serverUrl, EmbeddedPostgresServer.USER, password());
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create the scratch database " + name, ex);
		}
		return serverUrl.replace("/postgres?", "/" + name + "?");
	}

	/** The scratch server's superuser password (the URLs carry none). */
	public static String password() {
		EmbeddedPostgresServer.start(DIRECTORY, true);
		return EmbeddedPostgresServer.password(DIRECTORY);
	}

	/** A new, empty database (no schema). */
	public static DataSource create() {
		return new DriverManagerDataSource(createUrl(), EmbeddedPostgresServer.USER, password());
	}

	/** A new database with the application's schema, as Flyway makes it. */
	public static DataSource createMigrated() {
		DataSource dataSource = create();
		migrate(dataSource);
		return dataSource;
	}

	public static void migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.ignoreMigrationPatterns("*:future", "versioned:missing")
			.placeholders(java.util.Map.of("demo", "false"))
			.load()
			.migrate();
	}

}
