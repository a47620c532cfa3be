package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The imitation X speaks OAuth 2.0 with PKCE and {@code /2/users/me} as in docs/publishers.md ("X"). */
class XSandboxTests extends SandboxTestSupport {

	@Test
	void consentPageWhenPkceMissingThenRefusedWithoutRedirect() throws Exception {
		this.mvc.perform(get(ConsentController.X_AUTHORIZE).param("response_type", "code")
			.param("client_id", SandboxApps.X_CLIENT_ID)
			.param("redirect_uri", CALLBACK + "x")
			.param("scope", "users.read")
			.param("state", "xs"))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist(HttpHeaders.LOCATION))
			.andExpect(content().string(containsString("PKCE is required")));
	}

	@Test
	void consentPageThenStyledAsXWithTheUsersToContinueAs() throws Exception {
		SandboxUser user = newUser(Publisher.X, 0, 0);
		var request = get(ConsentController.X_AUTHORIZE).param("login_hint", user.externalId());
		xAuthorizeParams().forEach(request::param);
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sandbox-x")))
			.andExpect(content().string(containsString("Continue as " + user.name())))
			.andExpect(content().string(containsString("<li>offline.access</li>")));
	}

	@Test
	void consentCancelThenRedirectsWithAccessDenied() throws Exception {
		String location = consent(ConsentController.X_AUTHORIZE, xAuthorizeParams(), newUser(Publisher.X, 0, 0),
				AccessLevel.ADMIN, "cancel");
		assertThat(location).isEqualTo(CALLBACK + "x?error=access_denied&state=xs");
	}

	@Test
	void authorizationCodeWithPkceThenTwoHourTokenRefreshTokenAndUsersMe() throws Exception {
		SandboxUser user = newUser(Publisher.X, 0, 0);
		ResponseEntity<String> response = exchangeXCode(xCode(user), VERIFIER);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode tokens = json(response);
		assertThat(tokens.path("token_type").asString()).isEqualTo("bearer");
		assertThat(tokens.path("expires_in").asLong()).isEqualTo(7200);
		assertThat(tokens.path("scope").asString()).isEqualTo("tweet.read users.read offline.access");
		assertThat(tokens.path("refresh_token").asString()).isNotBlank();

		ResponseEntity<String> me = httpGet("/sandbox/x/2/users/me", tokens.path("access_token").asString());
		assertThat(me.getStatusCode().value()).isEqualTo(200);
		assertThat(me.getHeaders().getFirst("x-rate-limit-remaining")).isEqualTo("74");
		JsonNode data = json(me).path("data");
		assertThat(data.path("id").asString()).isEqualTo(user.externalId());
		assertThat(data.path("name").asString()).isEqualTo(user.name());
		assertThat(data.path("username").asString()).isNotBlank();
	}

	@Test
	void authorizationCodeWhenVerifierWrongThenInvalidRequest() throws Exception {
		ResponseEntity<String> response = exchangeXCode(xCode(newUser(Publisher.X, 0, 0)), VERIFIER + "-wrong");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(json(response).path("error").asString()).isEqualTo("invalid_request");
	}

	@Test
	void authorizationCodeWhenUsedTwiceThenInvalidRequest() throws Exception {
		String code = xCode(newUser(Publisher.X, 0, 0));
		assertThat(exchangeXCode(code, VERIFIER).getStatusCode().value()).isEqualTo(200);
		ResponseEntity<String> again = exchangeXCode(code, VERIFIER);
		assertThat(again.getStatusCode().value()).isEqualTo(400);
		assertThat(json(again).path("error_description").asString())
			.isEqualTo("Value passed for the authorization code was invalid.");
	}

	@Test
	void tokenWhenClientDoesNotAuthenticateWithBasicThenUnauthorizedClient() throws Exception {
		ResponseEntity<String> response = postForm("/sandbox/x/2/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", xCode(newUser(Publisher.X, 0, 0)), "redirect_uri",
						CALLBACK + "x", "code_verifier", VERIFIER, "client_id", SandboxApps.X_CLIENT_ID),
				null);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(json(response).path("error").asString()).isEqualTo("unauthorized_client");
	}

	@Test
	void refreshThenRotatesAndASecondUseOfTheSameRefreshTokenIsInvalidRequest() throws Exception {
		JsonNode first = xTokens(newUser(Publisher.X, 0, 0));
		String refreshToken = first.path("refresh_token").asString();

		ResponseEntity<String> rotated = refreshX(refreshToken);
		assertThat(rotated.getStatusCode().value()).isEqualTo(200);
		JsonNode second = json(rotated);
		assertThat(second.path("refresh_token").asString()).isNotBlank().isNotEqualTo(refreshToken);
		assertThat(httpGet("/sandbox/x/2/users/me", second.path("access_token").asString()).getStatusCode().value())
			.isEqualTo(200);

		ResponseEntity<String> replay = refreshX(refreshToken);
		assertThat(replay.getStatusCode().value()).isEqualTo(400);
		assertThat(json(replay).path("error").asString()).isEqualTo("invalid_request");
		assertThat(json(replay).path("error_description").asString()).isEqualTo("Value passed for the token was invalid.");
		assertThat(refreshX(second.path("refresh_token").asString()).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void usersMeWhenTokenUnknownThenProblem401() {
		ResponseEntity<String> response = httpGet("/sandbox/x/2/users/me", "not-a-token");
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(json(response).path("title").asString()).isEqualTo("Unauthorized");
		assertThat(json(response).path("status").asInt()).isEqualTo(401);
	}

	@Test
	void revokeThenRevokedTrueLaterCallsAnswer401AndTheGrantIsShownRevoked() throws Exception {
		SandboxUser user = newUser(Publisher.X, 0, 0);
		JsonNode tokens = xTokens(user);
		ResponseEntity<String> revoked = postForm("/sandbox/x/2/oauth2/revoke",
				Map.of("token", tokens.path("refresh_token").asString(), "token_type_hint", "refresh_token"), xClient());
		assertThat(revoked.getStatusCode().value()).isEqualTo(200);
		assertThat(json(revoked).path("revoked").asBoolean()).isTrue();

		assertThat(httpGet("/sandbox/x/2/users/me", tokens.path("access_token").asString()).getStatusCode().value())
			.isEqualTo(401);
		assertThat(json(refreshX(tokens.path("refresh_token").asString())).path("error").asString())
			.isEqualTo("invalid_request");
		this.mvc.perform(get("/sandbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(user.name() + " (" + user.externalId() + ")")))
			.andExpect(content().string(containsString("the app (a revoke call)")));
	}

	@Test
	void revokeWhenTokenUnknownThenStillRevokedTrue() {
		ResponseEntity<String> revoked = postForm("/sandbox/x/2/oauth2/revoke", Map.of("token", "nothing-like-it"),
				xClient());
		assertThat(revoked.getStatusCode().value()).isEqualTo(200);
		assertThat(json(revoked).path("revoked").asBoolean()).isTrue();
	}

}
