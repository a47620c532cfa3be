package io.tokenwarden.sandbox;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's sandbox URLs beat application.properties but never what a person sets explicitly. */
class SandboxEnvironmentPostProcessorTests {

	private static final String GRAPH_URL = "tokenwarden.publishers.facebook.graph-url";

	private static final String X_API_URL = "tokenwarden.publishers.x.api-url";

	private static final String X_GRANT = "spring.security.oauth2.client.registration.x.authorization-grant-type";

	private static final String X_SCOPE = "spring.security.oauth2.client.registration.x.scope";

	private static final String APPLICATION_PROPERTIES = "Config resource 'class path resource [application.properties]' "
			+ "via location 'optional:classpath:/'";

	@Test
	void demoDefaultsWhenDemoThenWinOverApplicationPropertiesAndLoseToTheCommandLine() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource(APPLICATION_PROPERTIES, Map.of(GRAPH_URL, "https://graph.facebook.com/v25.0",
					X_API_URL, "https://api.x.com", X_SCOPE, "users.read", "tokenwarden.demo.enabled", "true")));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("commandLineArgs", Map.of(X_API_URL, "http://x.elsewhere.test",
					"server.port", "9090")));

		new SandboxEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(GRAPH_URL)).isEqualTo("http://localhost:9090/sandbox/facebook/v25.0");
		assertThat(environment.getProperty(X_API_URL)).isEqualTo("http://x.elsewhere.test");
		assertThat(environment.getProperty("spring.security.oauth2.client.registration.facebook.client-id"))
			.isEqualTo(SandboxApps.FACEBOOK_APP_ID);
		assertThat(environment.getProperty("spring.security.oauth2.client.provider.x.token-uri"))
			.isEqualTo("http://localhost:9090/sandbox/x/2/oauth2/token");
		// the registration's own settings stay with application.properties; the fallbacks only fill gaps
		assertThat(environment.getProperty(X_SCOPE)).isEqualTo("users.read");
		assertThat(environment.getProperty(X_GRANT)).isEqualTo("authorization_code");
	}

	@Test
	void demoDefaultsWhenNoPortSetThenPort8080() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("tokenwarden.demo.enabled", "true")));

		new SandboxEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.security.oauth2.client.provider.facebook.authorization-uri"))
			.isEqualTo("http://localhost:8080/sandbox/facebook/dialog/oauth");
	}

	@Test
	void demoDefaultsWhenDemoDisabledThenNothingIsAdded() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("tokenwarden.demo.enabled", "false")));

		new SandboxEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(GRAPH_URL)).isNull();
		assertThat(environment.getProperty(X_GRANT)).isNull();
		assertThat(environment.getPropertySources().contains(SandboxEnvironmentPostProcessor.DEFAULTS)).isFalse();
	}

}
