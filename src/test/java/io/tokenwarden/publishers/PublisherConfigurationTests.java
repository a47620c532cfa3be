package io.tokenwarden.publishers;

import io.tokenwarden.publishers.http.AppCredentials;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Settings binding and validation, and a start without any OAuth registration or X consumer. */
class PublisherConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		// the publisher clients start from Boot's RestClient.Builder (for its metrics)
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class))
		.withUserConfiguration(PublisherConfiguration.class, Support.class);

	@Test
	void startWhenNoRegistrationThenStartsAndEveryCallSaysTheAppIsNotConfigured() {
		this.runner.run(context -> {
			assertThat(context).hasNotFailed();
			Publishers publishers = context.getBean(Publishers.class);
			HeldToken token = HeldToken.of(TokenSecret.of("EAAJ5xSIMULATED"));

			assertThat(publishers.client(Publisher.FACEBOOK).inspect(token)).isInstanceOf(PublisherOutcome.Misconfigured.class);
			PublisherException thrown = catchThrowableOfType(PublisherException.class,
					() -> publishers.client(Publisher.X).revoke(token));
			assertThat(thrown.getMessage()).contains("X app is not configured");
			assertThat(publishers.client(Publisher.X).inspect(new HeldToken(TokenSecret.of("t"), TokenSecret.of("s"))))
				.isInstanceOf(PublisherOutcome.Misconfigured.class);
			assertThat(publishers.oauth1Consent().configured()).isFalse();
		});
	}

	@Test
	void startWhenXConsumerKeyAndSecretSetThenXIsConfiguredAndTheSecretNeverPrints() {
		this.runner.withPropertyValues("tokenwarden.publishers.x.consumer-key=xvz1evFS4wEEPTGEFPHBog",
				"tokenwarden.publishers.x.consumer-secret=kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw")
			.run(context -> {
				PublisherSettings settings = context.getBean(PublisherSettings.class);
				assertThat(settings.x().consumerKey()).isEqualTo("xvz1evFS4wEEPTGEFPHBog");
				assertThat(settings.x().consumerSecret().reveal()).isEqualTo("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw");
				assertThat(settings.toString()).doesNotContain("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw");
				assertThat(context.getBean(Publishers.class).oauth1Consent().configured()).isTrue();
			});
		this.runner.withPropertyValues("tokenwarden.publishers.x.consumer-key=xvz1evFS4wEEPTGEFPHBog")
			.run(context -> assertThat(context.getBean(Publishers.class).oauth1Consent().configured()).isFalse());
	}

	@Test
	void startWhenNothingSetThenDefaultTimeoutsAndPublisherUrls() {
		this.runner.run(context -> {
			PublisherSettings settings = context.getBean(PublisherSettings.class);
			assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(settings.facebook().graphUrl()).isEqualTo(URI.create("https://graph.facebook.com/v25.0"));
			assertThat(settings.x().apiUrl()).isEqualTo(URI.create("https://api.x.com"));
			assertThat(settings.x().adsApiUrl()).isEqualTo(URI.create("https://ads-api.x.com"));
		});
	}

	@Test
	void startWhenTimeoutIsZeroOrUrlIsNotHttpThenFailsNamingTheProperty() {
		this.runner.withPropertyValues("tokenwarden.publishers.read-timeout=0s")
			.run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("readTimeout"));
		this.runner.withPropertyValues("tokenwarden.publishers.facebook.graph-url=ftp://graph.example")
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("tokenwarden.publishers.facebook.graph-url"));
	}

	@Test
	void credentialsWhenRegistrationAndProviderSetThenTheirClientAndTokenEndpoint() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.security.oauth2.client.registration.facebook.client-id", "138483919580948")
			.withProperty("spring.security.oauth2.client.registration.facebook.client-secret", "app-secret")
			.withProperty("spring.security.oauth2.client.provider.facebook.token-uri", "http://localhost:8089/oauth/access_token");
		OAuth2ClientProperties oauth = Binder.get(environment).bind("spring.security.oauth2.client", OAuth2ClientProperties.class).get();

		AppCredentials facebook = PublisherConfiguration.credentials(oauth, Publisher.FACEBOOK, URI.create("https://graph.facebook.com/v25.0/oauth/access_token"));

		assertThat(facebook.clientId()).isEqualTo("138483919580948");
		assertThat(facebook.clientSecret()).isEqualTo(TokenSecret.of("app-secret"));
		assertThat(facebook.tokenUri()).isEqualTo(URI.create("http://localhost:8089/oauth/access_token"));
		assertThat(facebook.toString()).doesNotContain("app-secret");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PublisherSettings.class)
	static class Support {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
