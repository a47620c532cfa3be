package io.tokenwarden.invalidation;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.testsupport.MutableClock;
import io.tokenwarden.testsupport.PublisherServer;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The revocation at the publisher, after the local invalidation has committed. */
@DemoConsoleTest
class RevocationTests {

	/** Facebook and X, on the shared server: X's paths (/1.1/...) do not meet Graph's (/v25.0/...). */
	static final WireMockServer facebook = PublisherServer.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RevocationSender sender;

	@Autowired
	MutableClock clock;

	@Autowired
	AccountTokens tokens;

	@BeforeEach
	void reset() {
		facebook.resetAll();
		// earlier tests' revocations are not this test's business
		this.jdbc.sql("update revocation_request set status = 'DONE', access_token_ciphertext = null,"
				+ " token_secret_ciphertext = null where status = 'PENDING'").update();
	}

	@Test
	void revocationWhenPublisherIsDownThreeTimesThenUpThenRevokedOnceAndSecretsErased() throws Exception {
		TokenSecret access = TestData.secret();
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Flaky Revoke Shop"), access, null, "Northwind Agency");
		facebook.stubFor(delete(urlPathEqualTo("/v25.0/me/permissions")).inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503).withBody("<html>down</html>"))
			.willSetStateTo("down 2"));
		facebook.stubFor(delete(urlPathEqualTo("/v25.0/me/permissions")).inScenario("outage")
			.whenScenarioStateIs("down 2").willReturn(aResponse().withStatus(503).withBody("<html>down</html>"))
			.willSetStateTo("down 3"));
		facebook.stubFor(delete(urlPathEqualTo("/v25.0/me/permissions")).inScenario("outage")
			.whenScenarioStateIs("down 3").willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
		facebook.stubFor(delete(urlPathEqualTo("/v25.0/me/permissions")).inScenario("outage")
			.whenScenarioStateIs("up").willReturn(okJson("{\"success\":true}")));

		invalidate(id);
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThat(this.sender.sendDue()).isEqualTo(1);
			assertThat(this.sender.sendDue()).as("not retried before its backoff").isZero();
			assertThat(revocation(id, "status")).isEqualTo("PENDING");
			this.clock.advance(Duration.ofHours(2));
		}
		assertThat(this.sender.sendDue()).isEqualTo(1);

		assertThat(revocation(id, "status")).isEqualTo("DONE");
		assertThat(revocation(id, "attempts")).isEqualTo("4");
		assertThat(revocation(id, "(access_token_ciphertext is null and token_secret_ciphertext is null)")).isEqualTo("true");
		facebook.verify(4, deleteRequestedFor(urlPathEqualTo("/v25.0/me/permissions"))
			.withHeader("Authorization", equalTo("Bearer " + access.reveal())));
		assertThat(this.sender.sendDue()).isZero();
	}

	@Test
	void revocationWhenPublisherNeverAnswersThenAVisibleFailureAndTheTokenStaysInvalidated() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Dead Revoke Shop"), "Northwind Agency");
		facebook.stubFor(delete(urlPathEqualTo("/v25.0/me/permissions")).willReturn(aResponse().withStatus(503)));

		invalidate(id);
		for (int attempt = 1; attempt <= 8; attempt++) {
			this.sender.sendDue();
			this.clock.advance(Duration.ofHours(2));
		}

		assertThat(revocation(id, "status")).isEqualTo("FAILED");
		assertThat(revocation(id, "attempts")).isEqualTo("8");
		assertThat(revocation(id, "(access_token_ciphertext is null and token_secret_ciphertext is null)")).isEqualTo("true");
		assertThat(this.jdbc.sql("select status from account_token where account_id = ?").param(id).query(String.class)
			.single()).isEqualTo("INVALIDATED");
		assertThat(this.jdbc.sql("select count(*) from audit_event where account_id = ? and action = 'revocation_failed'")
			.param(id).query(Long.class).single()).isEqualTo(1);
		this.mvc.perform(get("/config/accounts/{id}", id).with(user("admin@demo.test")))
			.andExpect(content().string(containsString("Gave up after 8 attempts: revoke the app at the publisher by hand")));
	}

	@Test
	void revocationWhenTokenIsAlreadyInvalidAtThePublisherThenDone() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Gone Token Shop"), "Northwind Agency");
		facebook.stubFor(delete(urlPathEqualTo("/v25.0/me/permissions")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190,"
					+ "\"error_subcode\":460,\"fbtrace_id\":\"Abc\"}}")));

		invalidate(id);
		this.sender.sendDue();

		assertThat(revocation(id, "status")).isEqualTo("DONE");
	}

	@Test
	void revocationWhenTheAccountWasRefreshedAfterTheInvalidationThenNotSentSoTheNewGrantSurvives() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Refreshed Again Shop"), "Northwind Agency");
		facebook.stubFor(delete(urlPathEqualTo("/v25.0/me/permissions")).willReturn(okJson("{\"success\":true}")));
		invalidate(id);
		this.clock.advance(Duration.ofMinutes(1));
		this.tokens.store(id, new NewToken(TestData.secret(), null, null, null, "ads_read"), "admin@demo.test");

		this.sender.sendDue();

		facebook.verify(0, deleteRequestedFor(urlPathEqualTo("/v25.0/me/permissions")));
		assertThat(revocation(id, "last_error")).contains("refreshed after the invalidation");
		assertThat(revocation(id, "(access_token_ciphertext is null and token_secret_ciphertext is null)")).isEqualTo("true");
	}

	@Test
	void revocationOfAnXTokenThenInvalidateTokenSignedWithThatTokenAndDone() throws Exception {
		TokenSecret access = TestData.secret();
		TokenSecret secret = TestData.secret();
		long id = this.data.account(Publisher.X, TestData.unique("X Revoke Shop"), access, secret, "Northwind Agency");
		facebook.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/1.1/oauth/invalidate_token"))
			.willReturn(okJson("{\"access_token\":\"" + access.reveal() + "\"}")));

		invalidate(id);
		assertThat(this.sender.sendDue()).isEqualTo(1);

		assertThat(revocation(id, "status")).isEqualTo("DONE");
		assertThat(revocation(id, "(access_token_ciphertext is null and token_secret_ciphertext is null)")).isEqualTo("true");
		var sent = facebook.findAll(postRequestedFor(urlPathEqualTo("/1.1/oauth/invalidate_token")));
		assertThat(sent).singleElement().satisfies(request -> {
			assertThat(request.getHeader("Authorization")).startsWith("OAuth ")
				.contains("oauth_consumer_key=\"x-consumer-key-for-tests\"", "oauth_token=\"" + access.reveal() + "\"",
						"oauth_signature_method=\"HMAC-SHA1\"", "oauth_signature=\"")
				.doesNotContain(secret.reveal(), "x-consumer-secret-for-tests", "Bearer");
			assertThat(request.getUrl() + request.getBodyAsString()).doesNotContain(access.reveal(), secret.reveal());
		});
	}

	private void invalidate(long id) throws Exception {
		this.mvc.perform(post("/config/accounts/{id}/invalidate", id).param("reason", "USER_LEFT").with(csrf())
				.with(user("admin@demo.test")))
			.andExpect(status().is3xxRedirection());
	}

	private String revocation(long accountId, String column) {
		return this.jdbc.sql("select (" + column + ")::text from revocation_request where account_id = ?")
			.param(accountId)
			.query(String.class)
			.single();
	}

}
