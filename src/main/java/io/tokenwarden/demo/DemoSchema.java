package io.tokenwarden.demo;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * The demo's and the sandbox's tables: Flyway location {@code db/demo}, applied after the main location
 * and only in the demo, with a history table of its own ({@code flyway_demo_history}), so a production
 * database never holds them. A database made before the split ran the demo's first migrations (V20,
 * V22, V90, V121) from the main location: its demo history starts after the last of them it ran.
 */
public final class DemoSchema {

	public static final String LOCATION = "classpath:db/demo";

	public static final String HISTORY = "flyway_demo_history";

	/** The demo's migrations that the main location ran before the split, in order. */
	private static final List<String> RUN_BY_THE_MAIN_LOCATION = List.of("20", "22", "90", "121");

	private DemoSchema() {
	}

	/** Applies the demo's migrations to the database that {@code main} (the main location's Flyway) has just migrated. */
	public static void migrate(Configuration main) {
		Flyway.configure(main.getClassLoader())
			.configuration(main)
			.locations(LOCATION)
			.table(HISTORY)
			.target("latest")
			.ignoreMigrationPatterns("*:future")
			.baselineOnMigrate(true)
			.baselineVersion(ranBefore(main))
			.baselineDescription("demo tables made by the main location before the split")
			.load()
			.migrate();
	}

	/** The last demo migration that the main location ran, "0" for none (or for sandbox tables dropped since). */
	private static String ranBefore(Configuration main) {
		JdbcClient jdbc = JdbcClient.create(main.getDataSource());
		boolean tables = jdbc.sql("select to_regclass('sandbox_user') is not null").query(Boolean.class).single();
		boolean history = jdbc.sql("select to_regclass(?) is not null").param(main.getTable()).query(Boolean.class).single();
		if (!tables || !history) {
			return "0";
		}
		List<String> ran = jdbc.sql("select version from " + main.getTable() + " where success and version in (:versions)")
			.param("versions", RUN_BY_THE_MAIN_LOCATION)
			.query(String.class)
			.list();
		return RUN_BY_THE_MAIN_LOCATION.stream().filter(ran::contains).reduce((first, last) -> last).orElse("0");
	}

}
