package io.tokenwarden.refresh;

import io.tokenwarden.publishers.Publisher;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.util.StringUtils;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facebook's app, through which Token Warden refreshes Facebook tokens, from Spring Security's standard
 * properties ({@code spring.security.oauth2.client.registration|provider.facebook.*}). Only the
 * authorization code grant; PKCE S256 only with {@code tokenwarden.refresh.facebook-pkce=true}; one exact
 * redirect URI; scopes fixed here. Without a client id there is no registration, and the Refresh says so
 * instead of failing at start-up. X is not an OAuth 2.0 client here: it connects through OAuth 1.0a
 * ({@link XAuthorization}).
 */
@Configuration(proxyBeanMethods = false)
class OAuthClientsConfiguration {

	static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

	private static final Map<Publisher, Defaults> DEFAULTS = Map.of(
			Publisher.FACEBOOK, new Defaults("https://www.facebook.com/v25.0/dialog/oauth",
					"https://graph.facebook.com/v25.0/oauth/access_token", ClientAuthenticationMethod.CLIENT_SECRET_POST,
					List.of("ads_read", "ads_management", "business_management", "pages_show_list", "pages_read_engagement")));

	private record Defaults(String authorizationUri, String tokenUri, ClientAuthenticationMethod authentication,
			List<String> scopes) {
	}

	@Bean
	ClientRegistrationRepository clientRegistrationRepository(Environment environment, RefreshSettings settings) {
		Binder binder = Binder.get(environment);
		boolean facebookPkce = settings.facebookPkce();
		Map<String, ClientRegistration> registrations = new java.util.HashMap<>();
		for (Publisher publisher : DEFAULTS.keySet()) {
			String prefix = "spring.security.oauth2.client.";
			String id = publisher.registrationId();
			String clientId = binder.bind(prefix + "registration." + id + ".client-id", String.class).orElse(null);
			if (!StringUtils.hasText(clientId)) {
				continue;
			}
			Defaults defaults = DEFAULTS.get(publisher);
			ClientRegistration registration = ClientRegistration.withRegistrationId(id)
				.clientName(publisher.displayName())
				.clientId(clientId)
				.clientSecret(binder.bind(prefix + "registration." + id + ".client-secret", String.class).orElse(""))
				.clientAuthenticationMethod(defaults.authentication())
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(REDIRECT_URI)
				.scope(Set.copyOf(defaults.scopes()))
				.authorizationUri(binder.bind(prefix + "provider." + id + ".authorization-uri", String.class)
					.orElse(defaults.authorizationUri()))
				.tokenUri(binder.bind(prefix + "provider." + id + ".token-uri", String.class).orElse(defaults.tokenUri()))
				.clientSettings(ClientRegistration.ClientSettings.builder()
					.requireProofKey(facebookPkce)
					.build())
				.build();
			registrations.put(id, registration);
		}
		return registrations::get;
	}

	/** Pending consents live in the HTTP session, which Spring Session keeps in PostgreSQL for every instance. */
	@Bean
	AuthorizationRequestRepository<OAuth2AuthorizationRequest> authorizationRequestRepository() {
		return new HttpSessionOAuth2AuthorizationRequestRepository();
	}

}
