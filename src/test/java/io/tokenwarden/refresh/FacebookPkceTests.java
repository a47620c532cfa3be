package io.tokenwarden.refresh;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tokenwarden.refresh.facebook-pkce}: off unless set, since Meta documents PKCE only for its OIDC
 * login; set, Facebook's consent URL carries an S256 challenge. X has no OAuth 2.0 consent at all: it connects
 * through OAuth 1.0a, whose request token is the state.
 */
class FacebookPkceTests {

	@Test
	void facebookConsentWhenPkcePropertyUnsetThenNoCodeChallengeAndXHasNoOAuth2ConsentEvenWithAClientId() {
		assertThat(consent(Map.of(), "facebook").getAuthorizationRequestUri()).doesNotContain("code_challenge");
		assertThat(consent(Map.of(), "facebook").getAttributes()).doesNotContainKey(PkceParameterNames.CODE_VERIFIER);
		assertThat(registrations(Map.of()).findByRegistrationId("x")).isNull();
	}

	@Test
	void facebookConsentWhenPkceSetTrueThenS256ChallengeAndAVerifierKeptForTheExchange() {
		OAuth2AuthorizationRequest consent = consent(Map.of("tokenwarden.refresh.facebook-pkce", "true"), "facebook");

		assertThat(consent.getAuthorizationRequestUri()).contains("code_challenge=", "code_challenge_method=S256");
		assertThat(consent.getAttributes()).containsKey(PkceParameterNames.CODE_VERIFIER);
		assertThat(consent(Map.of("tokenwarden.refresh.facebook-pkce", "false"), "facebook").getAuthorizationRequestUri())
			.doesNotContain("code_challenge");
	}

	/** The consent request Token Warden's registrations make for {@code registrationId}, with these properties. */
	private static OAuth2AuthorizationRequest consent(Map<String, String> properties, String registrationId) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations(properties), TokenRefresh.START_PATH);
		return resolver.resolve(new MockHttpServletRequest("POST", TokenRefresh.START_PATH), registrationId);
	}

	/** Token Warden's OAuth 2.0 registrations with these properties, a client id given for Facebook and for X. */
	private static ClientRegistrationRepository registrations(Map<String, String> properties) {
		RefreshSettings settings = new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("tokenwarden.refresh", RefreshSettings.class);
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.security.oauth2.client.registration.facebook.client-id", "138483919580948")
			.withProperty("spring.security.oauth2.client.registration.facebook.client-secret", "secret")
			.withProperty("spring.security.oauth2.client.registration.x.client-id", "x-client")
			.withProperty("spring.security.oauth2.client.registration.x.client-secret", "x-secret");
		return new OAuthClientsConfiguration().clientRegistrationRepository(environment, settings);
	}

}
