package io.tokenwarden.refresh;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tokenwarden.TokenWardenApplication;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.http.LoggedForms;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** X tokens renewed in the background with their rotating refresh token, shortly before they expire. */
class XRenewalTests extends RefreshTestSupport {

	static final String TOKEN_PATH = "/2/oauth2/token";

	static final String NEW_ACCESS = "WFJlbmV3ZWRBY2Nlc3NUb2tlbkZyb21UaGVSZWZyZXNoR3JhbnQ6MToxOmF0OjE";

	static final String NEW_REFRESH = "WFJlbmV3ZWRSZWZyZXNoVG9rZW5Sb3RhdGVkQnlYOjE6MTpydDox";

	static final String ROTATED = """
			{"token_type":"bearer","expires_in":7200,"access_token":"%s","scope":"tweet.read users.read offline.access",
			 "refresh_token":"%s"}""".formatted(NEW_ACCESS, NEW_REFRESH);

	@Autowired
	XTokenRenewal renewal;

	/** An X account whose token expires in {@code expiresIn}, with the refresh token {@code refresh}. */
	long xAccount(TokenSecret refresh, Duration expiresIn) {
		long id = account(Publisher.X, "Northwind Agency");
		this.tokens.store(id, new NewToken(TokenSecret.of("x-access-" + UUID.randomUUID()), refresh,
				Instant.now().plus(expiresIn), null, "tweet.read users.read offline.access"), "test");
		return id;
	}

	static TokenSecret refreshToken() {
		return TokenSecret.of("x-refresh-" + UUID.randomUUID());
	}

	static void xRotates(TokenSecret refresh) {
		publishers.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("refresh_token=" + refresh.reveal()))
			.willReturn(okJson(ROTATED)));
	}

	@Test
	void renewWhenTheTokenExpiresWithinTheWindowThenTheRotatedPairIsStoredEncrypted() {
		TokenSecret refresh = refreshToken();
		long id = xAccount(refresh, Duration.ofMinutes(10));
		xRotates(refresh);

		assertThat(this.renewal.renew(id)).isEqualTo(XTokenRenewal.Result.RENEWED);

		LoggedRequest request = publishers.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).get(0);
		assertThat(LoggedForms.form(request)).containsEntry("grant_type", "refresh_token")
			.containsEntry("refresh_token", refresh.reveal());
		assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
			.encodeToString((X_CLIENT_ID + ":" + X_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
		assertThat(status(id)).isEqualTo("VALID");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(NEW_ACCESS);
		assertThat(this.tokens.refreshToken(id).orElseThrow().reveal()).isEqualTo(NEW_REFRESH);
		assertThat(this.tokens.find(id).orElseThrow().expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(110)));
		assertThat(this.jdbc.sql("select refresh_token_ciphertext from account_token where account_id = ?").param(id)
			.query(byte[].class).single()).asString(StandardCharsets.ISO_8859_1).doesNotContain(NEW_REFRESH);

		assertThat(this.renewal.renew(id)).isEqualTo(XTokenRenewal.Result.NOT_DUE);
		publishers.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
	}

	@Test
	void renewWhenTheTokenIsFarFromExpiryThenXIsNotCalled() {
		long id = xAccount(refreshToken(), Duration.ofMinutes(100));

		assertThat(this.renewal.renew(id)).isEqualTo(XTokenRenewal.Result.NOT_DUE);
		assertThat(publishers.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "invalid_grant", "invalid_request" })
	void renewWhenXRefusesTheRefreshTokenThenExpiredWithReasonInvalid(String error) {
		long id = xAccount(refreshToken(), Duration.ofMinutes(10));
		String before = this.tokens.accessToken(id).orElseThrow().reveal();
		publishers.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"" + error + "\",\"error_description\":\"Value passed for the token was invalid.\"}")));

		assertThat(this.renewal.renew(id)).isEqualTo(XTokenRenewal.Result.EXPIRED);

		assertThat(this.jdbc.sql("select status || ' ' || status_reason from account_token where account_id = ?").param(id)
			.query(String.class).single()).isEqualTo("EXPIRED INVALID");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(before);
		assertThat(auditCount(id, "token_expired")).isEqualTo(1);
		assertThat(this.renewal.renew(id)).isEqualTo(XTokenRenewal.Result.NOT_DUE);
		publishers.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
	}

	@Test
	void renewWhenXAnswers503ThenRetryLaterAndTheTokenRowIsUntouched() {
		long id = xAccount(refreshToken(), Duration.ofMinutes(10));
		Map<String, Object> before = tokenRow(id);
		publishers.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)));

		assertThat(this.renewal.renew(id)).isEqualTo(XTokenRenewal.Result.RETRY_LATER);

		assertThat(tokenRow(id)).usingRecursiveComparison().isEqualTo(before);
		assertThat(status(id)).isEqualTo("VALID");
	}

	@Test
	void renewWhenXDoesNotAnswerInTimeThenRetryLaterAndTheTokenRowIsUntouched() {
		long id = xAccount(refreshToken(), Duration.ofMinutes(10));
		Map<String, Object> before = tokenRow(id);
		// the publishers' read timeout is 2 s in these tests
		publishers.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(ROTATED).withFixedDelay(6000)));

		assertThat(this.renewal.renew(id)).isEqualTo(XTokenRenewal.Result.RETRY_LATER);

		assertThat(tokenRow(id)).usingRecursiveComparison().isEqualTo(before);
		assertThat(status(id)).isEqualTo("VALID");
	}

	@Test
	void renewDueThenRenewsTheDueTokensAndLeavesTheOthersAlone() {
		TokenSecret dueRefresh = refreshToken();
		long due = xAccount(dueRefresh, Duration.ofMinutes(5));
		TokenSecret laterRefresh = refreshToken();
		long later = xAccount(laterRefresh, Duration.ofMinutes(100));
		xRotates(dueRefresh);

		assertThat(this.renewal.renewDue()).isPositive();

		assertThat(this.tokens.refreshToken(due).orElseThrow().reveal()).isEqualTo(NEW_REFRESH);
		assertThat(this.tokens.refreshToken(later).orElseThrow().reveal()).isEqualTo(laterRefresh.reveal());
		assertThat(publishers.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))))
			.noneMatch(request -> request.getBodyAsString().contains(laterRefresh.reveal()));
	}

	@Test
	void renewWhenTwentyThreadsOnTwoInstancesRaceThenOneTokenPostAndEveryoneReadsTheNewToken() throws Exception {
		TokenSecret refresh = refreshToken();
		long id = xAccount(refresh, Duration.ofMinutes(5));
		// X accepts a refresh token once: afterwards it is spent
		publishers.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("rotation").whenScenarioStateIs(STARTED)
			.withRequestBody(containing("refresh_token=" + refresh.reveal()))
			.willReturn(okJson(ROTATED).withFixedDelay(300))
			.willSetStateTo("spent"));
		publishers.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("rotation").whenScenarioStateIs("spent")
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the token was invalid.\"}")));

		try (ConfigurableApplicationContext second = secondInstance()) {
			List<Instance> instances = List.of(new Instance(this.renewal, this.tokens),
					new Instance(second.getBean(XTokenRenewal.class), second.getBean(AccountTokens.class)));
			ExecutorService threads = Executors.newFixedThreadPool(20);
			try {
				CyclicBarrier start = new CyclicBarrier(20);
				List<Future<Outcome>> outcomes = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					Instance instance = instances.get(i % 2);
					outcomes.add(threads.submit(() -> {
						start.await(30, TimeUnit.SECONDS);
						XTokenRenewal.Result result = instance.renewal().renew(id);
						return new Outcome(result, instance.tokens().accessToken(id).orElseThrow().reveal());
					}));
				}
				List<Outcome> results = new ArrayList<>();
				for (Future<Outcome> outcome : outcomes) {
					results.add(outcome.get(120, TimeUnit.SECONDS));
				}

				publishers.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
				assertThat(results).filteredOn(o -> o.result() == XTokenRenewal.Result.RENEWED).hasSize(1);
				assertThat(results).filteredOn(o -> o.result() == XTokenRenewal.Result.NOT_DUE).hasSize(19);
				assertThat(results).extracting(Outcome::accessToken).containsOnly(NEW_ACCESS);
			}
			finally {
				threads.shutdownNow();
			}
		}
		assertThat(status(id)).isEqualTo("VALID");
		assertThat(this.tokens.refreshToken(id).orElseThrow().reveal()).isEqualTo(NEW_REFRESH);
	}

	record Instance(XTokenRenewal renewal, AccountTokens tokens) {
	}

	record Outcome(XTokenRenewal.Result result, String accessToken) {
	}

	/**
	 * A second Token Warden on the same database (same data directory, so the same embedded server) and
	 * the same imitation X. Command-line arguments, so they win over the demo's sandbox defaults.
	 */
	private static ConfigurableApplicationContext secondInstance() {
		List<String> args = new ArrayList<>();
		publisherProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
		args.add("--server.port=0");
		return new SpringApplicationBuilder(TokenWardenApplication.class).run(args.toArray(String[]::new));
	}

	private Map<String, Object> tokenRow(long id) {
		return this.jdbc.sql("""
				select access_token_ciphertext, refresh_token_ciphertext, expires_at, status, status_reason,
				status_changed_at, version from account_token where account_id = ?""").param(id).query().singleRow();
	}

}
