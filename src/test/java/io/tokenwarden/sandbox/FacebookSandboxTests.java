package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The imitation Facebook speaks the Graph API as docs/publishers.md ("Facebook") describes it. */
class FacebookSandboxTests extends SandboxTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void consentPageWhenLoginHintThenShowsAppScopesAndPreselectsThatUser() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		this.mvc.perform(get(ConsentController.FACEBOOK_DIALOG).param("client_id", SandboxApps.FACEBOOK_APP_ID)
			.param("redirect_uri", CALLBACK + "facebook")
			.param("state", "abc")
			.param("scope", FACEBOOK_SCOPES)
			.param("response_type", "code")
			.param("login_hint", user.externalId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Token Warden is requesting access to:")))
			.andExpect(content().string(containsString("<li>ads_management</li>")))
			.andExpect(content().string(containsString("value=\"" + user.externalId() + "\" selected")))
			.andExpect(content().string(containsString("Continue as " + user.name())))
			.andExpect(content().string(containsString("Advertiser")))
			.andExpect(content().string(containsString("/css/sandbox.css")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void consentContinueThenRedirectsWithCodeAndStateAndTheCodeBuysALongLivedToken() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String location = consent(ConsentController.FACEBOOK_DIALOG, Map.of("client_id", SandboxApps.FACEBOOK_APP_ID,
				"redirect_uri", CALLBACK + "facebook", "state", "s 1/x", "scope", FACEBOOK_SCOPES), user,
				AccessLevel.ADMIN, "continue");
		assertThat(location).startsWith(CALLBACK + "facebook?code=").endsWith("&state=s+1%2Fx");

		// as Spring Security's client sends it: a form POST with the secret in the body
		ResponseEntity<String> exchanged = postForm("/sandbox/facebook/v25.0/oauth/access_token",
				Map.of("grant_type", "authorization_code", "code", queryParam(location, "code"), "redirect_uri",
						CALLBACK + "facebook", "client_id", SandboxApps.FACEBOOK_APP_ID, "client_secret",
						SandboxApps.FACEBOOK_APP_SECRET), null);
		assertThat(exchanged.getStatusCode().value()).isEqualTo(200);
		JsonNode token = json(exchanged);
		assertThat(token.path("token_type").asString()).isEqualTo("bearer");
		assertThat(token.path("expires_in").asLong()).isEqualTo(5_183_944L);
		JsonNode me = json(graph("me?fields=id,name", token.path("access_token").asString()));
		assertThat(me.path("id").asString()).isEqualTo(user.externalId());
		assertThat(me.path("name").asString()).isEqualTo(user.name());
	}

	@Test
	void consentCancelThenRedirectsWithUserDenied() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String location = consent(ConsentController.FACEBOOK_DIALOG, Map.of("client_id", SandboxApps.FACEBOOK_APP_ID,
				"redirect_uri", CALLBACK + "facebook", "state", "st"), user, AccessLevel.ADMIN, "cancel");
		assertThat(location).isEqualTo(CALLBACK + "facebook?error=access_denied&error_reason=user_denied"
				+ "&error_description=Permissions+error&state=st");
	}

	@Test
	void consentWhenRedirectUriLeavesThisMachineThenRefusedWithoutRedirect() throws Exception {
		for (String redirect : List.of("https://evil.example/cb", "http://localhost@evil.example/cb",
				"http://localhost.evil.example/cb", "//evil.example/cb")) {
			this.mvc.perform(get(ConsentController.FACEBOOK_DIALOG).param("client_id", SandboxApps.FACEBOOK_APP_ID)
				.param("redirect_uri", redirect)
				.param("state", "abc"))
				.andExpect(status().isBadRequest())
				.andExpect(header().doesNotExist(HttpHeaders.LOCATION))
				.andExpect(content().string(containsString("The sandbox redirects nowhere else.")));
		}
	}

	@Test
	void codeWhenExchangedTwiceThenSecondExchangeIsRefused() throws Exception {
		String code = facebookCode(newUser(Publisher.FACEBOOK, 2, 1), AccessLevel.ADMIN);
		assertThat(exchangeFacebookCode(code).getStatusCode().value()).isEqualTo(200);
		ResponseEntity<String> again = exchangeFacebookCode(code);
		assertThat(again.getStatusCode().value()).isEqualTo(400);
		assertThat(json(again).path("error").path("code").asInt()).isEqualTo(100);
		assertThat(json(again).path("error").path("type").asString()).isEqualTo("OAuthException");
	}

	@Test
	void codeWhenOlderThanTenMinutesThenExchangeIsRefused() throws Exception {
		String code = facebookCode(newUser(Publisher.FACEBOOK, 2, 1), AccessLevel.ADMIN);
		// age the code instead of waiting: its expiry is ten minutes after issue
		this.jdbc.sql("update sandbox_code set expires_at = expires_at - interval '10 minutes' where code_hash = ?")
			.param(SandboxSecrets.hash(code))
			.update();
		ResponseEntity<String> response = exchangeFacebookCode(code);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(json(response).path("error").path("code").asInt()).isEqualTo(100);
	}

	@Test
	void longLivedExchangeWhenTokenValidThenNewTokenOfTheSameUser() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String token = facebookToken(user, AccessLevel.ADMIN);
		JsonNode exchanged = json(httpGet("/sandbox/facebook/v25.0/oauth/access_token?grant_type=fb_exchange_token&client_id="
				+ SandboxApps.FACEBOOK_APP_ID + "&client_secret=" + SandboxApps.FACEBOOK_APP_SECRET
				+ "&fb_exchange_token=" + token, null));
		String longLived = exchanged.path("access_token").asString();
		assertThat(longLived).isNotBlank().isNotEqualTo(token);
		assertThat(json(graph("me", longLived)).path("id").asString()).isEqualTo(user.externalId());
	}

	@Test
	void debugTokenWhenTokenValidThenReportsValidityExpiryScopesAndUser() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 3, 1);
		ResponseEntity<String> response = debugToken(facebookToken(user, AccessLevel.ADMIN));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode data = json(response).path("data");
		assertThat(data.path("is_valid").asBoolean()).isTrue();
		assertThat(data.path("app_id").asString()).isEqualTo(SandboxApps.FACEBOOK_APP_ID);
		assertThat(data.path("user_id").asString()).isEqualTo(user.externalId());
		assertThat(data.path("expires_at").asLong()).isGreaterThan(data.path("issued_at").asLong());
		assertThat(data.path("data_access_expires_at").asLong()).isGreaterThan(0);
		assertThat(data.path("scopes").toString()).contains("ads_read", "pages_show_list");
		assertThat(data.has("error")).isFalse();
	}

	@Test
	void debugTokenWhenTokenUnknownThenHttp200AndInvalid() {
		ResponseEntity<String> response = debugToken("EAADnot-a-real-token");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode data = json(response).path("data");
		assertThat(data.path("is_valid").asBoolean()).isFalse();
		assertThat(data.path("error").path("code").asInt()).isEqualTo(190);
	}

	@Test
	void debugTokenWhenNoAppTokenThenRefused() throws Exception {
		String token = facebookToken(newUser(Publisher.FACEBOOK, 2, 1), AccessLevel.ADMIN);
		ResponseEntity<String> response = httpGet("/sandbox/facebook/v25.0/debug_token?input_token=" + token, token);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(json(response).path("error").path("code").asInt()).isEqualTo(190);
	}

	@Test
	void pagesWhenAdminThenAllWithManageTwoPerPageFollowingNext() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 3, 1);
		String token = facebookToken(user, AccessLevel.ADMIN);
		JsonNode first = json(graph("me/accounts?fields=id,name,tasks", token));
		assertThat(first.path("data")).hasSize(2);
		assertThat(first.path("data").get(0).path("tasks").toString()).contains("MANAGE");
		assertThat(first.path("paging").path("cursors").path("after").asString()).isNotBlank();
		String next = first.path("paging").path("next").asString();
		assertThat(next).startsWith("http://localhost:" + this.port + "/sandbox/facebook/v25.0/" + user.externalId()
				+ "/accounts?").doesNotContain("access_token");

		JsonNode second = json(httpGet(next, token));
		assertThat(second.path("data")).hasSize(1);
		assertThat(second.path("paging").has("next")).isFalse();
		assertThat(second.path("paging").has("previous")).isTrue();
	}

	@Test
	void pagesWhenAnalystThenFewerWithAnalyzeTaskOnly() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 4, 2);
		String token = facebookToken(user, AccessLevel.ANALYST);
		JsonNode pages = json(graph("me/accounts", token));
		assertThat(pages.path("data")).hasSize(1);
		assertThat(pages.path("data").get(0).path("tasks").toString()).isEqualTo("[\"ANALYZE\"]");
		assertThat(pages.path("paging").has("next")).isFalse();
		assertThat(json(graph("me/adaccounts", token)).path("data")).hasSize(1);
		assertThat(json(graph("me/adaccounts", facebookToken(user, AccessLevel.ADMIN))).path("data")).hasSize(2);
	}

	@Test
	void adAccountThenReportsStatusAndFundingSource() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String token = facebookToken(user, AccessLevel.ADMIN);
		String id = json(graph("me/adaccounts", token)).path("data").get(0).path("id").asString();
		JsonNode account = json(graph(id + "?fields=account_status,disable_reason,funding_source,funding_source_details", token));
		assertThat(account.path("id").asString()).isEqualTo(id);
		assertThat(account.path("account_status").asInt()).isEqualTo(1);
		assertThat(account.path("disable_reason").asInt()).isZero();
		assertThat(account.path("funding_source").asString()).isNotBlank();
		assertThat(account.path("funding_source_details").path("display_string").asString()).startsWith("Visa *");
		assertThat(account.has("name")).isFalse();
	}

	@Test
	void adAccountOfSomeoneElseThenObjectDoesNotExist() throws Exception {
		String token = facebookToken(newUser(Publisher.FACEBOOK, 2, 1), AccessLevel.ADMIN);
		JsonNode error = json(graph("act_1?fields=account_status", token)).path("error");
		assertThat(error.path("code").asInt()).isEqualTo(100);
		assertThat(error.path("error_subcode").asInt()).isEqualTo(33);
	}

	@Test
	void batchThenAnswersEveryOperationInOrderWithJsonStringBodies() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String token = facebookToken(user, AccessLevel.ADMIN);
		String account = json(graph("me/adaccounts", token)).path("data").get(0).path("id").asString();
		String batch = "[{\"method\":\"GET\",\"relative_url\":\"me?fields=id,name\"},"
				+ "{\"method\":\"GET\",\"relative_url\":\"" + account + "?fields=account_status\"},"
				+ "{\"method\":\"GET\",\"relative_url\":\"me?access_token=EAADunknown\"}]";
		ResponseEntity<String> response = postForm("/sandbox/facebook/v25.0/",
				Map.of("access_token", token, "batch", batch, "include_headers", "true"), null);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode items = json(response);
		assertThat(items).hasSize(3);
		assertThat(items.get(0).path("code").asInt()).isEqualTo(200);
		assertThat(items.get(0).path("body").isString()).isTrue();
		assertThat(this.json.readTree(items.get(0).path("body").asString()).path("id").asString())
			.isEqualTo(user.externalId());
		assertThat(this.json.readTree(items.get(1).path("body").asString()).path("account_status").asInt()).isEqualTo(1);
		assertThat(items.get(2).path("code").asInt()).isEqualTo(400);
		assertThat(this.json.readTree(items.get(2).path("body").asString()).path("error").path("code").asInt())
			.isEqualTo(190);
		assertThat(items.get(2).path("headers").toString()).contains("WWW-Authenticate");
	}

	@Test
	void batchWhenMoreThanFiftyOperationsThenRefused() throws Exception {
		String token = facebookToken(newUser(Publisher.FACEBOOK, 2, 1), AccessLevel.ADMIN);
		String batch = "[" + String.join(",", Collections.nCopies(51, "{\"method\":\"GET\",\"relative_url\":\"me\"}"))
				+ "]";
		ResponseEntity<String> response = postForm("/sandbox/facebook/v25.0", Map.of("access_token", token, "batch", batch),
				null);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(json(response).path("error").path("code").asInt()).isEqualTo(100);
	}

	@Test
	void appsecretProofWhenWrongThenCode100AndWhenRightThenAnswered() throws Exception {
		String token = facebookToken(newUser(Publisher.FACEBOOK, 2, 1), AccessLevel.ADMIN);
		ResponseEntity<String> wrong = graph("me?appsecret_proof=" + "0".repeat(64), token);
		assertThat(wrong.getStatusCode().value()).isEqualTo(400);
		assertThat(json(wrong).path("error").path("code").asInt()).isEqualTo(100);
		ResponseEntity<String> right = graph("me?appsecret_proof=" + SandboxSecrets.appSecretProof(token), token);
		assertThat(right.getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void tokenInAccessTokenParameterIsAcceptedLikeTheBearerHeader() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String token = facebookToken(user, AccessLevel.ADMIN);
		assertThat(json(graph("me?access_token=" + token, null)).path("id").asString()).isEqualTo(user.externalId());
	}

	@Test
	void deletePermissionsThenSuccessAndTheGrantsTokensAnswer190() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String token = facebookToken(user, AccessLevel.ADMIN);
		ResponseEntity<String> revoked = this.http.delete()
			.uri("/sandbox/facebook/v25.0/" + user.externalId() + "/permissions")
			.headers(headers -> headers.setBearerAuth(token))
			.retrieve()
			.toEntity(String.class);
		assertThat(json(revoked).path("success").asBoolean()).isTrue();
		JsonNode error = json(graph("me", token)).path("error");
		assertThat(error.path("code").asInt()).isEqualTo(190);
		assertThat(error.path("error_subcode").asInt()).isEqualTo(458);
		assertThat(json(debugToken(token)).path("data").path("is_valid").asBoolean()).isFalse();
	}

	@Test
	void deletePermissionsWithTheAppTokenThenTheUsersTokensStopWorking() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String token = facebookToken(user, AccessLevel.ADMIN);
		ResponseEntity<String> revoked = this.http.delete()
			.uri("/sandbox/facebook/v25.0/" + user.externalId() + "/permissions")
			.headers(headers -> headers.setBearerAuth(SandboxApps.FACEBOOK_APP_ID + "|" + SandboxApps.FACEBOOK_APP_SECRET))
			.retrieve()
			.toEntity(String.class);
		assertThat(json(revoked).path("success").asBoolean()).isTrue();
		assertThat(graph("me", token).getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void meWithoutTokenThenAccessTokenRequired() {
		ResponseEntity<String> response = graph("me", null);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(json(response).path("error").path("code").asInt()).isEqualTo(104);
		assertThat(json(response).path("error").path("fbtrace_id").asString()).isNotBlank();
	}

}
