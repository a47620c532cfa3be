package io.tokenwarden.database;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's published logins stay on this machine: with the embedded database and the demo on, the
 * server binds to 127.0.0.1 unless {@code server.address} is given (demo/DemoDataTests checks the demo's loud
 * log line that says so).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoLoopbackTests {

	@Test
	void embeddedDemoWhenNoAddressIsGivenThenLoopbackOnly() {
		assertThat(environmentWith(Map.of()).getProperty("server.address")).isEqualTo("127.0.0.1");
	}

	@Test
	void embeddedDemoWhenAnAddressIsGivenThenThatAddress() {
		assertThat(environmentWith(Map.of("server.address", "0.0.0.0")).getProperty("server.address")).isEqualTo("0.0.0.0");
	}

	@Test
	void embeddedDatabaseWhenTheDemoIsOffThenNoAddressIsImposed() {
		assertThat(environmentWith(Map.of("tokenwarden.demo.enabled", "false")).getProperty("server.address")).isNull();
	}

	/** The environment as the application would start with it (the surefire data directory, so the same server). */
	private static StandardEnvironment environmentWith(Map<String, Object> given) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("given", given));
		new EmbeddedDatabaseEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
