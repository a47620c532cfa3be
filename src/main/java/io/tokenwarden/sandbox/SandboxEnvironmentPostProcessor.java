package io.tokenwarden.sandbox;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * In the demo, points Token Warden's publisher URLs and OAuth clients at the sandbox. These defaults
 * lose to anything set explicitly (command line, system properties, environment variables) but win
 * over {@code application.properties}, which names the real publishers. Runs after
 * {@code EmbeddedDatabaseEnvironmentPostProcessor} (listed after it, same order), which decides
 * whether this is the demo.
 */
class SandboxEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DEFAULTS = "tokenwarden-sandbox-defaults";

	// the running server's port once it is known (random ports in tests), else the configured one
	private static final String SANDBOX = "http://localhost:${local.server.port:${server.port:8080}}/sandbox";

	private static final String REGISTRATION = "spring.security.oauth2.client.registration.";

	private static final String PROVIDER = "spring.security.oauth2.client.provider.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// the same rule as the database's post-processor, so the answer does not hang on the order
		boolean demo = environment.getProperty("tokenwarden.demo.enabled", Boolean.class,
				!StringUtils.hasText(environment.getProperty("spring.datasource.url")));
		if (!demo) {
			return;
		}
		MutablePropertySources sources = environment.getPropertySources();
		MapPropertySource defaults = new MapPropertySource(DEFAULTS, defaults());
		sources.stream()
			.map(PropertySource::getName)
			.filter(name -> name.startsWith("Config resource"))
			.findFirst()
			.ifPresentOrElse(name -> sources.addBefore(name, defaults), () -> sources.addLast(defaults));
	}

	private static Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("tokenwarden.publishers.facebook.graph-url", SANDBOX + "/facebook/v25.0");
		defaults.put("tokenwarden.publishers.x.api-url", SANDBOX + "/x");
		defaults.put("tokenwarden.publishers.x.ads-api-url", SANDBOX + "/x-ads");
		defaults.put(REGISTRATION + "facebook.client-id", SandboxApps.FACEBOOK_APP_ID);
		defaults.put(REGISTRATION + "facebook.client-secret", SandboxApps.FACEBOOK_APP_SECRET);
		defaults.put(PROVIDER + "facebook.authorization-uri", SANDBOX + "/facebook/dialog/oauth");
		defaults.put(PROVIDER + "facebook.token-uri", SANDBOX + "/facebook/v25.0/oauth/access_token");
		defaults.put("tokenwarden.publishers.x.consumer-key", SandboxApps.X_CONSUMER_KEY);
		defaults.put("tokenwarden.publishers.x.consumer-secret", SandboxApps.X_CONSUMER_SECRET);
		return defaults;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
