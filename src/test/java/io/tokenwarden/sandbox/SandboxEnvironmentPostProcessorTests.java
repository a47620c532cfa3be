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

	private static final String X_CONSUMER_KEY = "tokenwarden.publishers.x.consumer-key";

	private static final String APPLICATION_PROPERTIES = "Config resource 'class path resource [application.properties]' "
			+ "via location 'optional:classpath:/'";

	@Test
	void demoDefaultsWhenDemoThenWinOverApplicationPropertiesAndLoseToTheCommandLine() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource(APPLICATION_PROPERTIES, Map.of(GRAPH_URL, "https://graph.facebook.com/v25.0",
					X_API_URL, "https://api.x.com", "tokenwarden.demo.enabled", "true")));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("commandLineArgs", Map.of(X_API_URL, "http://x.elsewhere.test",
					X_CONSUMER_KEY, "my-own-x-app", "server.port", "9090")));

		new SandboxEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(GRAPH_URL)).isEqualTo("http://localhost:9090/sandbox/facebook/v25.0");
		assertThat(environment.getProperty(X_API_URL)).isEqualTo("http://x.elsewhere.test");
		assertThat(environment.getProperty("spring.security.oauth2.client.registration.facebook.client-id"))
			.isEqualTo(SandboxApps.FACEBOOK_APP_ID);
		assertThat(environment.getProperty("tokenwarden.publishers.x.ads-api-url"))
			.isEqualTo("http://localhost:9090/sandbox/x-ads");
		assertThat(environment.getProperty(X_CONSUMER_KEY)).isEqualTo("my-own-x-app");
		assertThat(environment.getProperty("tokenwarden.publishers.x.consumer-secret"))
			.isEqualTo(SandboxApps.X_CONSUMER_SECRET);
		// no OAuth 2.0 client for X any more
		assertThat(environment.getProperty("spring.security.oauth2.client.registration.x.client-id")).isNull();
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
		assertThat(environment.getProperty(X_CONSUMER_KEY)).isNull();
		assertThat(environment.getPropertySources().contains(SandboxEnvironmentPostProcessor.DEFAULTS)).isFalse();
	}

}
