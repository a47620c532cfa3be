package io.tokenwarden.publishers;

import io.tokenwarden.publishers.facebook.FacebookPublisher;
import io.tokenwarden.publishers.http.AppCredentials;
import io.tokenwarden.publishers.x.XPublisher;
import io.tokenwarden.tokens.TokenSecret;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Builds the two adapters from {@link PublisherSettings} and, for Facebook, Spring Security's client
 * registration. Credentials are read leniently: with none configured the app still starts, and each call
 * answers "app is not configured" instead.
 */
@Configuration(proxyBeanMethods = false)
class PublisherConfiguration {

	private static final String CLIENT_PREFIX = "spring.security.oauth2.client";

	/**
	 * The adapters' HTTP clients start from Boot's {@link RestClient.Builder} (one per adapter: the bean is a
	 * prototype), so every publisher call is an {@code http.client.requests} observation tagged with its host.
	 */
	@Bean
	Publishers publishers(PublisherSettings settings, Environment environment, ObjectProvider<RestClient.Builder> http,
			Clock clock) {
		OAuth2ClientProperties oauth = Binder.get(environment)
			.bind(CLIENT_PREFIX, OAuth2ClientProperties.class)
			.orElseGet(OAuth2ClientProperties::new);
		AppCredentials facebook = credentials(oauth, Publisher.FACEBOOK,
				withPath(settings.facebook().graphUrl(), "/oauth/access_token"));
		XPublisher x = new XPublisher(settings, http.getObject(), clock);
		return new Publishers(List.of(new FacebookPublisher(settings, facebook, http.getObject(), clock), x),
				x.consent());
	}

	/** Binds secret properties (X's consumer secret) straight into a {@link TokenSecret}, which never prints them. */
	@Bean
	@ConfigurationPropertiesBinding
	static Converter<String, TokenSecret> tokenSecretProperty() {
		return new TokenSecretProperty();
	}

	/** A blank value is no secret at all: the property counts as unset. */
	static final class TokenSecretProperty implements Converter<String, TokenSecret> {

		@Override
		public TokenSecret convert(String source) {
			return StringUtils.hasText(source) ? TokenSecret.of(source.trim()) : null;
		}

	}

	/** The registration's client id and secret, and its provider's token URI (else the default one). */
	static AppCredentials credentials(OAuth2ClientProperties oauth, Publisher publisher, URI defaultTokenUri) {
		String id = publisher.registrationId();
		OAuth2ClientProperties.Registration registration = oauth.getRegistration().get(id);
		String providerId = registration != null && StringUtils.hasText(registration.getProvider())
				? registration.getProvider() : id;
		OAuth2ClientProperties.Provider provider = oauth.getProvider().get(providerId);
		URI tokenUri = defaultTokenUri;
		if (provider != null && StringUtils.hasText(provider.getTokenUri())) {
			tokenUri = URI.create(provider.getTokenUri().trim());
			PublisherSettings.requireHttpUrl(CLIENT_PREFIX + ".provider." + providerId + ".token-uri", tokenUri);
		}
		String clientId = registration == null ? null : registration.getClientId();
		String secret = registration == null ? null : registration.getClientSecret();
		return new AppCredentials(clientId, StringUtils.hasText(secret) ? TokenSecret.of(secret) : null, tokenUri);
	}

	private static URI withPath(URI base, String path) {
		return URI.create(base.toString().replaceAll("/+$", "") + path);
	}

}
