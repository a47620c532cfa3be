package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The imitation X speaks OAuth 1.0a as X does (docs/publishers.md, "X OAuth 1.0a"): every call signed, the
 * three-legged consent, and {@code /2/users/me}, {@code /1.1/oauth/invalidate_token} and the Ads API refusing
 * what X refuses.
 */
class XSandboxTests extends SandboxTestSupport {

	private static final String ME = "/sandbox/x/2/users/me";

	private static final String NOT_AUTHENTICATED = "{\"errors\":[{\"code\":32,\"message\":\"Could not authenticate you.\"}]}";

	private static final String INVALID_TOKEN = "{\"errors\":[{\"code\":89,\"message\":\"Invalid or expired token.\"}]}";

	@Test
	void threeLeggedConsentThenATokenForTheUserWhoAuthorizedWhichSignsUsersMe() throws Exception {
		SandboxUser user = newUser(Publisher.X, 0, 0);
		Map<String, String> requestToken = xRequestToken();
		assertThat(requestToken).containsEntry("oauth_callback_confirmed", "true").containsKeys("oauth_token_secret");

		String location = xAuthorize(requestToken.get("oauth_token"), user, "continue");
		assertThat(location).startsWith(X_CALLBACK + "?oauth_token=" + requestToken.get("oauth_token") + "&oauth_verifier=");
		ResponseEntity<String> access = xAccessToken(requestToken, queryParam(location, "oauth_verifier"));

		assertThat(access.getStatusCode().value()).isEqualTo(200);
		Map<String, String> tokens = form(access);
		assertThat(tokens).containsEntry("user_id", user.externalId()).containsEntry("screen_name", user.username())
			.containsKeys("oauth_token", "oauth_token_secret");
		ResponseEntity<String> me = xGet(ME, new HeldToken(TokenSecret.of(tokens.get("oauth_token")),
				TokenSecret.of(tokens.get("oauth_token_secret"))));
		assertThat(me.getStatusCode().value()).isEqualTo(200);
		assertThat(me.getHeaders().getFirst("x-rate-limit-remaining")).isEqualTo("74");
		assertThat(json(me).path("data").path("id").asString()).isEqualTo(user.externalId());
		assertThat(json(me).path("data").path("name").asString()).isEqualTo(user.name());
	}

	@Test
	void usersMeWhenABearerTokenOrNoHeaderThenCouldNotAuthenticateYou() throws Exception {
		HeldToken token = xTokens(newUser(Publisher.X, 0, 0));

		for (String authorization : new String[] { "Bearer " + token.accessToken().reveal(), null }) {
			ResponseEntity<String> response = xCall(HttpMethod.GET, ME, authorization);
			assertThat(response.getStatusCode().value()).isEqualTo(401);
			assertThat(response.getBody()).isEqualTo(NOT_AUTHENTICATED);
		}
	}

	@Test
	void usersMeWhenTheConsumerKeyIsUnknownOrTheSignatureWrongThenCouldNotAuthenticateYou() throws Exception {
		HeldToken token = xTokens(newUser(Publisher.X, 0, 0));
		String good = xAuthorization(HttpMethod.GET, ME, token, Map.of(), Clock.systemUTC());
		String otherApp = good.replace("oauth_consumer_key=\"" + SandboxApps.X_CONSUMER_KEY + "\"",
				"oauth_consumer_key=\"someone-elses-app\"");
		String wrongSecret = xAuthorization(HttpMethod.GET, ME,
				new HeldToken(token.accessToken(), TokenSecret.of("not-the-token-secret")), Map.of(), Clock.systemUTC());
		String otherUrl = xAuthorization(HttpMethod.GET, ME + "?user.fields=id", token, Map.of(), Clock.systemUTC());

		for (String authorization : new String[] { otherApp, wrongSecret, otherUrl }) {
			ResponseEntity<String> response = xCall(HttpMethod.GET, ME, authorization);
			assertThat(response.getStatusCode().value()).isEqualTo(401);
			assertThat(response.getBody()).isEqualTo(NOT_AUTHENTICATED);
		}
		assertThat(xCall(HttpMethod.GET, ME, good).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void usersMeWhenTheTimestampIsMoreThanFiveMinutesOffThenCouldNotAuthenticateYou() throws Exception {
		HeldToken token = xTokens(newUser(Publisher.X, 0, 0));
		Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6));
		Clock early = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6));
		Clock slightlyOff = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4));

		for (Clock clock : new Clock[] { late, early }) {
			ResponseEntity<String> response = xCall(HttpMethod.GET, ME, xAuthorization(HttpMethod.GET, ME, token, Map.of(), clock));
			assertThat(response.getStatusCode().value()).isEqualTo(401);
			assertThat(response.getBody()).isEqualTo(NOT_AUTHENTICATED);
		}
		assertThat(xCall(HttpMethod.GET, ME, xAuthorization(HttpMethod.GET, ME, token, Map.of(), slightlyOff))
			.getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void usersMeWhenTheTokenIsUnknownThenInvalidOrExpiredToken() {
		ResponseEntity<String> response = xGet(ME, new HeldToken(TokenSecret.of("12345-unknown"), TokenSecret.of("s")));

		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody()).isEqualTo(INVALID_TOKEN);
	}

	@Test
	void requestTokenWhenTheCallbackIsNotOnThisMachineOrTheCallIsUnsignedThenRefused() {
		ResponseEntity<String> elsewhere = xPost("/sandbox/x/oauth/request_token", null,
				Map.of("oauth_callback", "https://evil.example/login/oauth1/callback/x"));
		ResponseEntity<String> unsigned = xCall(HttpMethod.POST, "/sandbox/x/oauth/request_token", null);

		assertThat(elsewhere.getStatusCode().value()).isEqualTo(403);
		assertThat(unsigned.getStatusCode().value()).isEqualTo(401);
		assertThat(unsigned.getBody()).isEqualTo(NOT_AUTHENTICATED);
	}

	@Test
	void accessTokenWhenTheRequestTokenOrTheVerifierIsUsedAgainOrWrongThenRefused() throws Exception {
		SandboxUser user = newUser(Publisher.X, 0, 0);
		Map<String, String> requestToken = xRequestToken();
		String verifier = queryParam(xAuthorize(requestToken.get("oauth_token"), user, "continue"), "oauth_verifier");

		ResponseEntity<String> wrongVerifier = xAccessToken(requestToken, "not-the-verifier");
		ResponseEntity<String> first = xAccessToken(requestToken, verifier);
		ResponseEntity<String> again = xAccessToken(requestToken, verifier);

		assertThat(wrongVerifier.getStatusCode().value()).isEqualTo(401);
		assertThat(first.getStatusCode().value()).isEqualTo(200);
		assertThat(again.getStatusCode().value()).isEqualTo(401);
		assertThat(again.getBody()).isEqualTo(INVALID_TOKEN);
		// and the consent page will not authorize the spent request token a second time
		this.mvc.perform(get(ConsentController.X_AUTHORIZE).param("oauth_token", requestToken.get("oauth_token")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void consentPageThenStyledAsXWithTheUsersAndAuthorizeApp() throws Exception {
		SandboxUser user = newUser(Publisher.X, 0, 0);
		String requestToken = xRequestToken().get("oauth_token");

		this.mvc.perform(get(ConsentController.X_AUTHORIZE).param("oauth_token", requestToken)
			.param("login_hint", user.externalId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sandbox-x")))
			.andExpect(content().string(containsString("Authorize app")))
			.andExpect(content().string(containsString(X_CALLBACK)));
	}

	@Test
	void consentPageWhenTheRequestTokenIsUnknownThenRefusedWithoutRedirect() throws Exception {
		this.mvc.perform(get(ConsentController.X_AUTHORIZE).param("oauth_token", "never-issued"))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist(HttpHeaders.LOCATION))
			.andExpect(content().string(containsString("request token is not known")));
	}

	@Test
	void consentCancelThenRedirectsWithDeniedAndTheRequestTokenNeverBuysAToken() throws Exception {
		Map<String, String> requestToken = xRequestToken();

		String location = xAuthorize(requestToken.get("oauth_token"), newUser(Publisher.X, 0, 0), "cancel");

		assertThat(location).isEqualTo(X_CALLBACK + "?denied=" + requestToken.get("oauth_token"));
		assertThat(xAccessToken(requestToken, "anything").getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void invalidateTokenThenTheTokenAnswersCode89AndTheGrantIsShownRevoked() throws Exception {
		SandboxUser user = newUser(Publisher.X, 0, 0);
		HeldToken token = xTokens(user);

		ResponseEntity<String> invalidated = xPost("/sandbox/x/1.1/oauth/invalidate_token", token, Map.of());

		assertThat(invalidated.getStatusCode().value()).isEqualTo(200);
		assertThat(json(invalidated).path("access_token").asString()).isEqualTo(token.accessToken().reveal());
		ResponseEntity<String> me = xGet(ME, token);
		assertThat(me.getStatusCode().value()).isEqualTo(401);
		assertThat(me.getBody()).isEqualTo(INVALID_TOKEN);
		assertThat(xPost("/sandbox/x/1.1/oauth/invalidate_token", token, Map.of()).getBody()).isEqualTo(INVALID_TOKEN);
		this.mvc.perform(get("/sandbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(user.name() + " (" + user.externalId() + ")")))
			.andExpect(content().string(containsString("the app (a revoke call)")));
	}

	@Test
	void adsApiWhenBearerThenCouldNotAuthenticateYouAndWhenSignedThenTheAccounts() throws Exception {
		HeldToken token = xTokens(newUser(Publisher.X, 0, 0));

		ResponseEntity<String> bearer = xCall(HttpMethod.GET, "/sandbox/x-ads/12/accounts", "Bearer " + token.accessToken().reveal());
		ResponseEntity<String> signed = xGet("/sandbox/x-ads/12/accounts?count=1000", token);

		assertThat(bearer.getStatusCode().value()).isEqualTo(401);
		assertThat(bearer.getBody()).isEqualTo(NOT_AUTHENTICATED);
		assertThat(signed.getStatusCode().value()).isEqualTo(200);
		assertThat(json(signed).path("data").isArray()).isTrue();
	}

}
