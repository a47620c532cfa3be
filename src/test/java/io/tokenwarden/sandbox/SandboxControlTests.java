package io.tokenwarden.sandbox;

import io.tokenwarden.flash.Flash;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.FlashMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The control page breaks accounts and publishers the support articles' ways, and the wire shows it. */
class SandboxControlTests extends SandboxTestSupport {

	@AfterEach
	void publishersBackToNormal() {
		this.directory.setMode(Publisher.FACEBOOK, PublisherMode.NORMAL);
		this.directory.setMode(Publisher.X, PublisherMode.NORMAL);
	}

	@Test
	void controlPageListsTheSandboxUsersAndSaysWhat503StandsFor() throws Exception {
		SandboxUser facebook = newUser(Publisher.FACEBOOK, 2, 1);
		SandboxUser x = newUser(Publisher.X, 0, 0);
		this.mvc.perform(get("/sandbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(facebook.name())))
			.andExpect(content().string(containsString(x.name())))
			.andExpect(content().string(containsString("Alpine Outfitters")))
			.andExpect(content().string(containsString("503 stands in for connection refused")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void consoleNavigationWhenDemoThenLinksTheSandbox() throws Exception {
		this.mvc.perform(get("/config/accounts").with(user("admin@demo.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/sandbox\"")));
	}

	@Test
	void changePasswordThenFacebookAnswers190With460() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String token = facebookToken(user, AccessLevel.ADMIN);
		this.mvc.perform(post("/sandbox/users/{id}/password", user.id()).with(csrf()).with(user("viewer@demo.test")))
			.andExpect(redirectedUrl("/sandbox"))
			.andExpect(FlashMessages.shown(Flash.Level.SUCCESS, "sandbox.control.done.password"));

		ResponseEntity<String> me = graph("me", token);
		assertThat(me.getStatusCode().value()).isEqualTo(400);
		assertThat(me.getHeaders().getFirst("WWW-Authenticate")).contains("invalid_token");
		JsonNode error = json(me).path("error");
		assertThat(error.path("code").asInt()).isEqualTo(190);
		assertThat(error.path("error_subcode").asInt()).isEqualTo(460);
		JsonNode data = json(debugToken(token)).path("data");
		assertThat(data.path("is_valid").asBoolean()).isFalse();
		assertThat(data.path("error").path("subcode").asInt()).isEqualTo(460);
		// signing in again after the change gives a working token
		assertThat(graph("me", facebookToken(user, AccessLevel.ADMIN)).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void changePasswordThenXAnswers401WithCode89() throws Exception {
		SandboxUser user = newUser(Publisher.X, 0, 0);
		HeldToken tokens = xTokens(user);
		this.mvc.perform(post("/sandbox/users/{id}/password", user.id()).with(csrf()).with(user("viewer@demo.test"))).andExpect(redirectedUrl("/sandbox"));

		ResponseEntity<String> me = xGet("/sandbox/x/2/users/me", tokens);
		assertThat(me.getStatusCode().value()).isEqualTo(401);
		assertThat(json(me).path("errors").get(0).path("code").asInt()).isEqualTo(89);
		// authorizing the app again gives a working token
		assertThat(xGet("/sandbox/x/2/users/me", xTokens(user)).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void expireThenFacebookAnswers190With463AndDebugTokenShowsThePastExpiry() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String token = facebookToken(user, AccessLevel.ADMIN);
		this.mvc.perform(post("/sandbox/users/{id}/expire", user.id()).with(csrf()).with(user("viewer@demo.test"))).andExpect(redirectedUrl("/sandbox"));

		JsonNode error = json(graph("me", token)).path("error");
		assertThat(error.path("code").asInt()).isEqualTo(190);
		assertThat(error.path("error_subcode").asInt()).isEqualTo(463);
		assertThat(error.path("message").asString()).startsWith("Error validating access token: Session has expired on");
		JsonNode data = json(debugToken(token)).path("data");
		assertThat(data.path("expires_at").asLong()).isLessThan(Instant.now().getEpochSecond());
		assertThat(data.path("error").path("subcode").asInt()).isEqualTo(463);
	}

	@Test
	void expireThenXAnswers401WithCode89() throws Exception {
		SandboxUser user = newUser(Publisher.X, 0, 0);
		HeldToken tokens = xTokens(user);
		this.mvc.perform(post("/sandbox/users/{id}/expire", user.id()).with(csrf()).with(user("viewer@demo.test"))).andExpect(redirectedUrl("/sandbox"));

		ResponseEntity<String> me = xGet("/sandbox/x/2/users/me", tokens);
		assertThat(me.getStatusCode().value()).isEqualTo(401);
		assertThat(json(me).path("errors").get(0).path("code").asInt()).isEqualTo(89);
	}

	@Test
	void fundingInvalidThenAccountStatus3WithoutFundingSourceAndRestoreBringsItBack() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String token = facebookToken(user, AccessLevel.ADMIN);
		String account = json(graph("me/adaccounts", token)).path("data").get(0).path("id").asString();
		String fields = "?fields=account_status,disable_reason,funding_source,funding_source_details";

		this.mvc.perform(post("/sandbox/users/{id}/funding", user.id()).param("valid", "false").with(csrf()).with(user("viewer@demo.test")))
			.andExpect(redirectedUrl("/sandbox"));
		JsonNode broken = json(graph(account + fields, token));
		assertThat(broken.path("account_status").asInt()).isEqualTo(3);
		assertThat(broken.has("funding_source")).isFalse();
		assertThat(broken.has("funding_source_details")).isFalse();

		this.mvc.perform(post("/sandbox/users/{id}/funding", user.id()).param("valid", "true").with(csrf()).with(user("viewer@demo.test")))
			.andExpect(redirectedUrl("/sandbox"));
		JsonNode restored = json(graph(account + fields, token));
		assertThat(restored.path("account_status").asInt()).isEqualTo(1);
		assertThat(restored.path("funding_source").asString()).isNotBlank();
	}

	@Test
	void removeAppThenFacebookAnswers458AndTheGrantIsShownRevoked() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		String token = facebookToken(user, AccessLevel.ADVERTISER);
		this.mvc.perform(post("/sandbox/users/{id}/remove-app", user.id()).with(csrf()).with(user("viewer@demo.test"))).andExpect(redirectedUrl("/sandbox"));

		assertThat(json(graph("me", token)).path("error").path("error_subcode").asInt()).isEqualTo(458);
		this.mvc.perform(get("/sandbox"))
			.andExpect(content().string(containsString(user.name() + " (" + user.externalId() + ")")))
			.andExpect(content().string(containsString("the user, at the publisher")));
	}

	@Test
	void publisherDownThenEveryApiCallAnswers503WithAnHtmlBody() throws Exception {
		String facebookToken = facebookToken(newUser(Publisher.FACEBOOK, 2, 1), AccessLevel.ADMIN);
		HeldToken xToken = xTokens(newUser(Publisher.X, 0, 0));
		setMode("FACEBOOK", "DOWN");
		setMode("X", "DOWN");

		for (ResponseEntity<String> response : new ResponseEntity[] { graph("me", facebookToken), debugToken(facebookToken),
				xGet("/sandbox/x/2/users/me", xToken), xPost("/sandbox/x/oauth/request_token", null,
						Map.of("oauth_callback", X_CALLBACK)), xPost("/sandbox/x/1.1/oauth/invalidate_token", xToken, Map.of()) }) {
			assertThat(response.getStatusCode().value()).isEqualTo(503);
			assertThat(response.getHeaders().getContentType().toString()).startsWith("text/html");
			assertThat(response.getBody()).contains("<html>");
		}

		setMode("FACEBOOK", "NORMAL");
		assertThat(graph("me", facebookToken).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void publisherSlowThenACallOutlastsTheCallersReadTimeout() throws Exception {
		String token = facebookToken(newUser(Publisher.FACEBOOK, 2, 1), AccessLevel.ADMIN);
		setMode("FACEBOOK", "SLOW");
		assertThat(this.directory.mode(Publisher.FACEBOOK)).isEqualTo(PublisherMode.SLOW);

		assertThatThrownBy(() -> client(Duration.ofSeconds(2)).get()
			.uri("/sandbox/facebook/v25.0/me")
			.headers(headers -> headers.setBearerAuth(token))
			.retrieve()
			.toEntity(String.class)).isInstanceOf(ResourceAccessException.class);
	}

	@Test
	void rateLimitedThenFacebookCode17WithUsageHeaderAndX429WithResetHeader() throws Exception {
		String facebookToken = facebookToken(newUser(Publisher.FACEBOOK, 2, 1), AccessLevel.ADMIN);
		HeldToken xToken = xTokens(newUser(Publisher.X, 0, 0));
		setMode("FACEBOOK", "RATE_LIMITED");
		setMode("X", "RATE_LIMITED");

		ResponseEntity<String> facebook = graph("me", facebookToken);
		assertThat(facebook.getStatusCode().value()).isEqualTo(400);
		assertThat(json(facebook).path("error").path("code").asInt()).isEqualTo(17);
		JsonNode usage = this.json.readTree(facebook.getHeaders().getFirst("x-business-use-case-usage"));
		assertThat(usage.path(SandboxApps.FACEBOOK_APP_ID).get(0).path("estimated_time_to_regain_access").asInt())
			.isPositive();

		ResponseEntity<String> x = xGet("/sandbox/x/2/users/me", xToken);
		assertThat(x.getStatusCode().value()).isEqualTo(429);
		assertThat(x.getHeaders().getFirst("x-rate-limit-remaining")).isEqualTo("0");
		assertThat(Long.parseLong(x.getHeaders().getFirst("x-rate-limit-reset"))).isGreaterThan(Instant.now().getEpochSecond());
		assertThat(json(x).path("status").asInt()).isEqualTo(429);
	}

	@Test
	void modeWhenUnknownThenErrorAndNothingChanges() throws Exception {
		this.mvc.perform(post("/sandbox/publishers/FACEBOOK/mode").param("mode", "EXPLODED").with(csrf()).with(user("viewer@demo.test")))
			.andExpect(redirectedUrl("/sandbox"))
			.andExpect(FlashMessages.shown(Flash.Level.ERROR, "sandbox.control.error.mode"));
		assertThat(this.directory.mode(Publisher.FACEBOOK)).isEqualTo(PublisherMode.NORMAL);
	}

	@Test
	void controlFormWithoutCsrfThenForbiddenAndNothingChanges() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);
		this.mvc.perform(post("/sandbox/users/{id}/password", user.id()).with(user("viewer@demo.test")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/sandbox/publishers/FACEBOOK/mode").param("mode", "DOWN").with(user("viewer@demo.test")))
			.andExpect(status().isForbidden());
		assertThat(this.directory.findUser(user.id()).orElseThrow().passwordVersion()).isEqualTo(1);
		assertThat(this.directory.mode(Publisher.FACEBOOK)).isEqualTo(PublisherMode.NORMAL);
	}

	@Test
	void controlActionWhenNobodyIsSignedInThenToTheSignInPageAndNothingChanges() throws Exception {
		SandboxUser user = newUser(Publisher.FACEBOOK, 2, 1);

		this.mvc.perform(post("/sandbox/users/{id}/password", user.id()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/sandbox/publishers/FACEBOOK/mode").param("mode", "DOWN").with(csrf()))
			.andExpect(redirectedUrl("/login"));

		assertThat(this.directory.findUser(user.id()).orElseThrow().passwordVersion()).isEqualTo(1);
		assertThat(this.directory.mode(Publisher.FACEBOOK)).isEqualTo(PublisherMode.NORMAL);
	}

	@Test
	void controlActionWhenUserUnknownThen404() throws Exception {
		this.mvc.perform(post("/sandbox/users/{id}/expire", Long.MAX_VALUE).with(csrf()).with(user("viewer@demo.test"))).andExpect(status().isNotFound());
	}

	@Test
	void sandboxPagesCarryTheConsolesSecurityHeaders() {
		ResponseEntity<String> console = httpGet("/login", null);
		for (String path : new String[] { "/sandbox", "/sandbox/x/2/users/me" }) {
			ResponseEntity<String> sandbox = httpGet(path, null);
			for (String header : new String[] { "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
					"Referrer-Policy" }) {
				assertThat(sandbox.getHeaders().getFirst(header)).as(path + " " + header)
					.isNotNull()
					.isEqualTo(console.getHeaders().getFirst(header));
			}
		}
	}

	private void setMode(String publisher, String mode) throws Exception {
		this.mvc.perform(post("/sandbox/publishers/{p}/mode", publisher).param("mode", mode).with(csrf()).with(user("viewer@demo.test")))
			.andExpect(redirectedUrl("/sandbox"))
			.andExpect(FlashMessages.shown(Flash.Level.SUCCESS, "sandbox.control.done.mode." + mode));
	}

}
