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
 * only way demo users, sandbox publishers and generated keys come to exist. The demo on the embedded
 * database serves {@code 127.0.0.1} only, unless {@code server.address} is given.
 */
class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DEMO_PROFILE = "demo";

	static final String LOOPBACK = "127.0.0.1";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>();
		boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		if (embedded) {
			Path dataDir = Path.of(environment.getProperty("tokenwarden.data-dir", "./data"));
			boolean fresh = environment.getProperty("tokenwarden.embedded.fresh", Boolean.class, false);
			Path directory = dataDir.resolve("postgres");
			defaults.put("spring.datasource.url", EmbeddedPostgresServer.start(directory, fresh));
			defaults.put("spring.datasource.username", EmbeddedPostgresServer.USER);
			defaults.put("spring.datasource.password", EmbeddedPostgresServer.password(directory));
			defaults.put(EmbeddedDatabaseConfiguration.DIRECTORY, directory.toAbsolutePath().normalize().toString());
		}
		boolean demo = environment.getProperty("tokenwarden.demo.enabled", Boolean.class, embedded);
		defaults.put("tokenwarden.demo.enabled", demo);
		defaults.put("server.servlet.session.cookie.secure", !demo);
		if (demo) {
			environment.addActiveProfile(DEMO_PROFILE);
		}
		if (demo && embedded && !environment.containsProperty("server.address")) {
			// the demo's logins are published: it serves this machine only, unless told otherwise
			defaults.put("server.address", LOOPBACK);
		}
		environment.getPropertySources().addLast(new MapPropertySource("tokenwarden-database-defaults", defaults));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
