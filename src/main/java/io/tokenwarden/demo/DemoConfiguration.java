package io.tokenwarden.demo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The one way the demo and the sandbox enter a context: with {@code tokenwarden.demo.enabled=true} this
 * auto-configuration scans {@code io.tokenwarden.demo} and {@code io.tokenwarden.sandbox} (which the
 * application's own scan leaves out) and adds the demo's schema after the main migrations.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("tokenwarden.demo.enabled")
@ComponentScan(basePackages = { "io.tokenwarden.demo", "io.tokenwarden.sandbox" })
public class DemoConfiguration {

	@Bean
	FlywayMigrationStrategy mainThenDemoMigrations() {
		return flyway -> {
			flyway.migrate();
			DemoSchema.migrate(flyway.getConfiguration());
		};
	}

}
