package io.tokenwarden.demo;

import io.tokenwarden.database.ScratchDatabases;
import io.tokenwarden.testsupport.AppInstance;
import io.tokenwarden.tokens.TokenCipher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo is seeded before the web server opens its port: when {@code /login} first answers, the demo
 * people exist, so the first sign-in works (it once failed "bad credentials" while the seed still ran).
 */
class DemoSeedingTests {

	@Test
	void startWhenTheWebServerOpensItsPortThenTheDemoPeopleExistAlready() {
		AtomicReference<Long> peopleWhenThePortOpened = new AtomicReference<>();
		AtomicReference<ReadinessState> readinessWhenThePortOpened = new AtomicReference<>();
		ApplicationListener<WebServerInitializedEvent> portOpened = event -> {
			var context = event.getApplicationContext();
			peopleWhenThePortOpened.set(context.getBean(JdbcClient.class)
				.sql("select count(*) from app_user where email like '%@demo.test'")
				.query(Long.class)
				.single());
			readinessWhenThePortOpened.set(context.getBean(ApplicationAvailability.class).getReadinessState());
		};

		try (ConfigurableApplicationContext app = AppInstance.start(
				context -> context.addApplicationListener(portOpened),
				"--spring.datasource.url=" + ScratchDatabases.createUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=" + ScratchDatabases.password(), "--tokenwarden.demo.enabled=true",
				"--tokenwarden.encryption.keyset=" + TokenCipher.generateKeyset(), "--server.port=0",
				"--management.server.port=0")) {
			assertThat(peopleWhenThePortOpened.get()).as("demo people when the port opened").isGreaterThanOrEqualTo(4);
			// traffic is accepted only once the application is ready, after the seed
			assertThat(readinessWhenThePortOpened.get()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
			assertThat(app.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

}
