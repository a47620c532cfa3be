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

	static final String FALLBACKS = "tokenwarden-sandbox-fallbacks";

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
		sources.addLast(new MapPropertySource(FALLBACKS, fallbacks()));
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
		defaults.put(REGISTRATION + "x.client-id", SandboxApps.X_CLIENT_ID);
		defaults.put(REGISTRATION + "x.client-secret", SandboxApps.X_CLIENT_SECRET);
		defaults.put(PROVIDER + "x.authorization-uri", SANDBOX + "/x/i/oauth2/authorize");
		defaults.put(PROVIDER + "x.token-uri", SANDBOX + "/x/2/oauth2/token");
		return defaults;
	}

	/**
	 * What an X client registration needs to exist at all (Spring knows no "x" provider), below every
	 * other source: whatever the refresh configuration says wins.
	 */
	private static Map<String, Object> fallbacks() {
		Map<String, Object> fallbacks = new LinkedHashMap<>();
		fallbacks.put(REGISTRATION + "x.authorization-grant-type", "authorization_code");
		fallbacks.put(REGISTRATION + "x.redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}");
		fallbacks.put(REGISTRATION + "x.scope", "tweet.read,users.read,offline.access");
		return fallbacks;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
