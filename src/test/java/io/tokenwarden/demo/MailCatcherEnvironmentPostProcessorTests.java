package io.tokenwarden.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's mail catcher is wired only in the demo, and only when no mail server is configured. */
class MailCatcherEnvironmentPostProcessorTests {

	private final MailCatcherEnvironmentPostProcessor postProcessor = new MailCatcherEnvironmentPostProcessor();

	@Test
	void postProcessWhenDemoWithoutMailHostThenPointsSpringMailAtAFreeLoopbackPort() {
		MockEnvironment environment = new MockEnvironment().withProperty("tokenwarden.demo.enabled", "true");

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
		assertThat(environment.getProperty("spring.mail.port", Integer.class)).isPositive()
			.isEqualTo(environment.getProperty(MailCatcherEnvironmentPostProcessor.CATCHER_PORT, Integer.class));
	}

	@Test
	void postProcessWhenDemoWithAMailHostThenLeavesMailAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty("tokenwarden.demo.enabled", "true")
			.withProperty("spring.mail.host", "smtp.example.test");

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.example.test");
		assertThat(environment.containsProperty(MailCatcherEnvironmentPostProcessor.CATCHER_PORT)).isFalse();
	}

	@Test
	void postProcessWhenNotTheDemoThenThereIsNoMailCatcher() {
		MockEnvironment environment = new MockEnvironment().withProperty("tokenwarden.demo.enabled", "false");

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.containsProperty("spring.mail.host")).isFalse();
		assertThat(environment.containsProperty(MailCatcherEnvironmentPostProcessor.CATCHER_PORT)).isFalse();
	}

}
