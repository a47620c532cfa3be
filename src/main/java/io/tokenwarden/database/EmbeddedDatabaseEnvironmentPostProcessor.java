package io.tokenwarden.database;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides, before the context starts, where the database is and whether this is the demo: with no
 * {@code spring.datasource.url} an embedded PostgreSQL starts under {@code tokenwarden.data-dir}
 * and the demo is on unless switched off. The demo activates the {@code demo} profile, which is the
 * only way demo users, sandbox publishers and generated keys come to exist.
 */
class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DEMO_PROFILE = "demo";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>();
		boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		if (embedded) {
			Path dataDir = Path.of(environment.getProperty("tokenwarden.data-dir", "./data"));
			boolean fresh = environment.getProperty("tokenwarden.embedded.fresh", Boolean.class, false);
			defaults.put("spring.datasource.url", EmbeddedPostgresServer.start(dataDir.resolve("postgres"), fresh));
			defaults.put("spring.datasource.username", "postgres");
			defaults.put("spring.datasource.password", "");
		}
		boolean demo = environment.getProperty("tokenwarden.demo.enabled", Boolean.class, embedded);
		defaults.put("tokenwarden.demo.enabled", demo);
		defaults.put("server.servlet.session.cookie.secure", !demo);
		if (demo) {
			environment.addActiveProfile(DEMO_PROFILE);
		}
		environment.getPropertySources().addLast(new MapPropertySource("tokenwarden-database-defaults", defaults));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
