package io.tokenwarden.scaledata;

import io.tokenwarden.TokenWardenApplication;
import io.tokenwarden.database.ScratchDatabases;
import io.tokenwarden.tokens.TokenCipher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** How the scale data is asked for: the settings, and a real start that fills before serving. */
class ScaleDataRunnerTests {

	private final ApplicationContextRunner settings = new ApplicationContextRunner()
		.withUserConfiguration(SettingsConfiguration.class);

	@Test
	void startWhenScaleDataAccountsIsSetThenTheDatabaseIsFilledBeforeTheAppServes() {
		String url = ScratchDatabases.createUrl();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TokenWardenApplication.class).run(
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=" + ScratchDatabases.password(), "--tokenwarden.encryption.keyset=" + TokenCipher.generateKeyset(),
				"--server.port=0", "--tokenwarden.scale-data.accounts=200", "--tokenwarden.scale-data.agencies=8")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);

			assertThat(jdbc.sql("select count(*) from publisher_account").query(Long.class).single()).isEqualTo(200);
			assertThat(jdbc.sql("select count(*) from agency").query(Long.class).single()).isEqualTo(8);
			assertThat(jdbc.sql("select email from app_user").query(String.class).list())
				.containsExactly("bench@scale.test");
		}
	}

	@Test
	void startWhenTheDemoIsOnThenTheScaleDataComesFirstAndTheDemoSeedsBesideIt() {
		String url = ScratchDatabases.createUrl();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TokenWardenApplication.class).run(
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=" + ScratchDatabases.password(), "--tokenwarden.demo.enabled=true",
				"--tokenwarden.data-dir=target/test-data-scale-demo", "--server.port=0",
				// enough accounts for the demo's ids (100000000007919, ...) to be among them, were they shared
				"--tokenwarden.scale-data.accounts=8000", "--tokenwarden.scale-data.agencies=40")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);

			assertThat(jdbc.sql("select count(*) from agency").query(Long.class).single()).isEqualTo(40 + 3);
			assertThat(jdbc.sql("select count(*) from publisher_account").query(Long.class).single()).isEqualTo(8000 + 30);
			assertThat(jdbc.sql("select email from app_user order by id").query(String.class).list())
				.startsWith("bench@scale.test")
				.contains("admin@demo.test");
		}
	}

	@Test
	void settingsWhenAccountsIsNotPositiveThenStartupFails() {
		this.settings.withPropertyValues("tokenwarden.scale-data.accounts=0")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("tokenwarden.scale-data.accounts"));
	}

	@Test
	void settingsWhenAgenciesAreNotGivenThenOneAgencyPerFiftyAccounts() {
		this.settings.withPropertyValues("tokenwarden.scale-data.accounts=100000").run(context -> {
			ScaleDataSettings bound = context.getBean(ScaleDataSettings.class);
			assertThat(bound.agencyCount()).isEqualTo(2_000);
			assertThat(bound.exit()).isFalse();
			assertThat(bound.password()).isEqualTo("bench");
		});
	}

	@Test
	void settingsWhenNothingIsAskedThenTheyStillBind() {
		this.settings.run(context -> assertThat(context).hasNotFailed()
			.getBean(ScaleDataSettings.class)
			.extracting(ScaleDataSettings::accounts)
			.isNull());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScaleDataSettings.class)
	static class SettingsConfiguration {

	}

}
