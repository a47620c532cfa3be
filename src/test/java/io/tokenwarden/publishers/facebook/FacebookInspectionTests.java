package io.tokenwarden.publishers.facebook;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tokenwarden.publishers.ExpiryReason;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.Misconfigured;
import io.tokenwarden.publishers.PublisherOutcome.RateLimited;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.PublisherOutcome.Unrecognised;
import io.tokenwarden.publishers.PublisherOutcome.Valid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tokenwarden.publishers.facebook.FacebookFixture.GRAPH;
import static io.tokenwarden.publishers.facebook.FacebookFixture.NOW;
import static io.tokenwarden.publishers.facebook.FacebookFixture.OTHER_TOKEN;
import static io.tokenwarden.publishers.facebook.FacebookFixture.THIRD_TOKEN;
import static io.tokenwarden.publishers.facebook.FacebookFixture.USER_TOKEN;
import static io.tokenwarden.publishers.facebook.FacebookFixture.entry;
import static io.tokenwarden.publishers.facebook.FacebookFixture.form;
import static io.tokenwarden.publishers.facebook.FacebookFixture.held;
import static org.assertj.core.api.Assertions.assertThat;

/** Facebook {@code debug_token} through the Graph batch API, against WireMock: every answer, fault and silence. */
@ExtendWith(OutputCaptureExtension.class)
class FacebookInspectionTests {

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final FacebookPublisher facebook = FacebookFixture.publisher(graph);

	@AfterEach
	void noTokenInAnyUrlOrLogAndEveryGraphCallCarriesItsProof(CapturedOutput output) {
		FacebookFixture.assertJournalClean(graph);
		assertThat(output.getAll()).doesNotContain(USER_TOKEN.reveal(), OTHER_TOKEN.reveal(), THIRD_TOKEN.reveal(),
				FacebookFixture.APP_SECRET);
	}

	private static void batchAnswers(String body) {
		graph.stubFor(post(urlPathEqualTo(GRAPH + "/")).willReturn(okJson(body).withHeader("x-fb-trace-id", "TrAcE1")));
	}

	@Test
	void inspectWhenTokenHealthyThenValidWithExpiriesAndScopes() {
		batchAnswers("[" + entry(200, FacebookFixture.VALID_DATA) + "]");

		PublisherOutcome outcome = this.facebook.inspect(held(USER_TOKEN));

		assertThat(outcome).isInstanceOfSatisfying(Valid.class, valid -> {
			assertThat(valid.expiresAt()).isEqualTo(Instant.ofEpochSecond(1756676330));
			assertThat(valid.dataAccessExpiresAt()).isEqualTo(Instant.ofEpochSecond(1761860330));
			assertThat(valid.scopes()).contains("ads_management", "pages_show_list");
			assertThat(valid.evidence().traceId()).isEqualTo("TrAcE1");
		});
		var request = graph.getAllServeEvents().get(0).getRequest();
		assertThat(form(request)).containsEntry("access_token", FacebookFixture.APP_ID + "|" + FacebookFixture.APP_SECRET);
		assertThat(form(request).get("batch")).contains("debug_token?input_token=" + USER_TOKEN.reveal());
	}

	@Test
	void inspectWhenPageTokenNeverExpiresThenValidWithoutExpiry() {
		batchAnswers("[" + entry(200, """
				{"data":{"app_id":"138483919580948","type":"PAGE","expires_at":0,"data_access_expires_at":0,
				 "is_valid":true,"scopes":["pages_show_list"],"profile_id":"102345678901234"}}""") + "]");

		assertThat(this.facebook.inspect(held(USER_TOKEN))).isInstanceOfSatisfying(Valid.class,
				valid -> assertThat(valid.expiresAt()).isNull());
	}

	@Test
	void inspectWhenPasswordChangedThenExpiredWithReasonCodeAndSubcode() {
		batchAnswers("[" + entry(200, FacebookFixture.PASSWORD_CHANGED_DATA) + "]");

		assertThat(this.facebook.inspect(held(USER_TOKEN))).isInstanceOfSatisfying(Expired.class, expired -> {
			assertThat(expired.reason()).isEqualTo(ExpiryReason.PASSWORD_CHANGED);
			assertThat(expired.evidence().code()).isEqualTo("190");
			assertThat(expired.evidence().subcode()).isEqualTo("460");
		});
	}

	@Test
	void inspectWhenValidButExpiresAtPassedThenExpired() {
		batchAnswers("[" + entry(200, """
				{"data":{"is_valid":true,"expires_at":1700000000,"scopes":[]}}""") + "]");

		assertThat(this.facebook.inspect(held(USER_TOKEN))).isInstanceOfSatisfying(Expired.class,
				expired -> assertThat(expired.reason()).isEqualTo(ExpiryReason.EXPIRED));
	}

	@Test
	void inspectAllWhenBatchMixesResultsAndANullEntryThenRetriesTheNullOnceInOrder() {
		graph.stubFor(post(urlPathEqualTo(GRAPH + "/")).inScenario("null entry").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("[" + entry(200, FacebookFixture.VALID_DATA) + ","
					+ entry(200, FacebookFixture.SESSION_EXPIRED_DATA) + ",null]"))
			.willSetStateTo("retried"));
		graph.stubFor(post(urlPathEqualTo(GRAPH + "/")).inScenario("null entry").whenScenarioStateIs("retried")
			.willReturn(okJson("[" + entry(200, FacebookFixture.PASSWORD_CHANGED_DATA) + "]")));

		List<PublisherOutcome> outcomes = this.facebook.inspectAll(List.of(held(USER_TOKEN), held(OTHER_TOKEN), held(THIRD_TOKEN)));

		assertThat(outcomes).hasSize(3);
		assertThat(outcomes.get(0)).isInstanceOf(Valid.class);
		assertThat(outcomes.get(1)).isInstanceOfSatisfying(Expired.class,
				expired -> assertThat(expired.reason()).isEqualTo(ExpiryReason.EXPIRED));
		assertThat(outcomes.get(2)).isInstanceOfSatisfying(Expired.class,
				expired -> assertThat(expired.reason()).isEqualTo(ExpiryReason.PASSWORD_CHANGED));
		var retry = graph.getAllServeEvents().get(0).getRequest();
		assertThat(form(retry).get("batch")).contains(THIRD_TOKEN.reveal()).doesNotContain(USER_TOKEN.reveal());
	}

	@Test
	void inspectWhenBatchEntryIsNullTwiceThenUnreachable() {
		batchAnswers("[null]");

		assertThat(this.facebook.inspect(held(USER_TOKEN))).isInstanceOf(Unreachable.class);
		graph.verify(2, postRequestedFor(urlPathEqualTo(GRAPH + "/")));
	}

	@Test
	void inspectAllWhenMoreThanFiftyTokensThenOneBatchPerFifty() {
		batchAnswers("[" + String.join(",", Collections.nCopies(50, entry(200, FacebookFixture.VALID_DATA))) + "]");
		graph.stubFor(post(urlPathEqualTo(GRAPH + "/")).withRequestBody(containing(OTHER_TOKEN.reveal())).atPriority(1)
			.willReturn(okJson("[" + entry(200, FacebookFixture.VALID_DATA) + "]")));

		List<PublisherOutcome> outcomes = this.facebook.inspectAll(
				Stream.concat(Collections.nCopies(50, held(USER_TOKEN)).stream(), Stream.of(held(OTHER_TOKEN))).toList());

		assertThat(outcomes).hasSize(51).allMatch(Valid.class::isInstance);
		graph.verify(2, postRequestedFor(urlPathEqualTo(GRAPH + "/")));
	}

	@Test
	void inspectWhenMetaRefusesTheAppTokenThenMisconfiguredNotExpired() {
		batchAnswers("[" + entry(400, """
				{"error":{"message":"Invalid OAuth access token - Cannot parse access token","type":"OAuthException","code":190,"fbtrace_id":"AppTok"}}""") + "]");

		assertThat(this.facebook.inspect(held(USER_TOKEN))).isInstanceOf(Misconfigured.class);
	}

	@Test
	void inspectWhenConnectionResetThenUnreachable() {
		graph.stubFor(post(urlPathEqualTo(GRAPH + "/")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThat(this.facebook.inspect(held(USER_TOKEN))).isInstanceOf(Unreachable.class);
	}

	@Test
	void inspectWhenAnswerComesAfterTheReadTimeoutThenUnreachable() {
		graph.stubFor(post(urlPathEqualTo(GRAPH + "/"))
			.willReturn(okJson("[" + entry(200, FacebookFixture.VALID_DATA) + "]").withFixedDelay(3000)));
		FacebookPublisher impatient = FacebookFixture.publisher(graph, FacebookFixture.APP_ID, FacebookFixture.APP_SECRET,
				Duration.ofMillis(300));

		PublisherOutcome outcome = impatient.inspect(held(USER_TOKEN));

		assertThat(outcome).isInstanceOf(Unreachable.class);
		assertThat(outcome.evidence().detail()).contains("timeout");
	}

	@Test
	void inspectWhenMetaIsDownOrItsBodySaysServiceUnavailableThenUnreachable() {
		List<ResponseDefinitionBuilder> answers = List.of(
				aResponse().withStatus(503).withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>"),
				aResponse().withStatus(200).withBody("Service Unavailable"), aResponse().withStatus(502));
		for (var answer : answers) {
			graph.resetAll();
			graph.stubFor(post(urlPathEqualTo(GRAPH + "/")).willReturn(answer));

			assertThat(this.facebook.inspect(held(USER_TOKEN))).isInstanceOf(Unreachable.class);
		}
	}

	@Test
	void inspectWhenTheAnswerCannotBeReadThenUnrecognisedAndLoggedByItsShapeNeverItsBody(CapturedOutput output) {
		List<ResponseDefinitionBuilder> answers = List.of(aResponse().withStatus(200), okJson("[{\"code\":200,"),
				aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html><body>Log in</body></html>"),
				okJson("[" + entry(200, "{\"data\":[]}") + "]"),
				okJson("[" + entry(200, "<html>" + USER_TOKEN.reveal() + "</html>") + "]"),
				okJson("[" + entry(200, "{\"data\":{\"app_id\":\"138483919580948\",\"scopes\":[]}}") + "]"),
				okJson("[{\"headers\":[],\"body\":\"{}\"}]"), okJson("[" + entry(200, "{}") + "," + entry(200, "{}") + "]"));
		for (var answer : answers) {
			graph.resetAll();
			graph.stubFor(post(urlPathEqualTo(GRAPH + "/")).willReturn(answer));

			assertThat(this.facebook.inspect(held(USER_TOKEN))).isInstanceOf(Unrecognised.class);
		}
		assertThat(output.getAll()).contains("Couldn't read Facebook's answer (debug_token answer with empty data): "
				+ "HTTP 200, text/javascript; charset=UTF-8, 11 characters, keys [data]")
			.contains("Couldn't read Facebook's answer (debug_token answer without is_valid)")
			.contains("Couldn't read Facebook's answer (HTML body): HTTP 200, text/html, 32 characters")
			.doesNotContain("Log in");
	}

	@Test
	void inspectWhenThrottledThenRateLimitedUntilTheBucWindowReopens() {
		graph.stubFor(post(urlPathEqualTo(GRAPH + "/")).willReturn(aResponse().withStatus(400)
			.withHeader("x-business-use-case-usage", """
					{"212551616838260":[{"type":"ads_management","call_count":100,"total_cputime":31,"total_time":40,"estimated_time_to_regain_access":19,"ads_api_access_tier":"standard_access"}]}""")
			.withBody("""
					{"error":{"message":"(#80004) There have been too many calls to this ad-account.","type":"OAuthException","code":80004,"error_subcode":2446079,"fbtrace_id":"AmFGcW_3hwDB7qFbl_QdebZ"}}""")));

		assertThat(this.facebook.inspect(held(USER_TOKEN))).isInstanceOfSatisfying(RateLimited.class, limited -> {
			assertThat(limited.retryAt()).isEqualTo(NOW.plus(Duration.ofMinutes(19)));
			assertThat(limited.evidence().code()).isEqualTo("80004");
			assertThat(limited.evidence().traceId()).isEqualTo("AmFGcW_3hwDB7qFbl_QdebZ");
		});
	}

	@Test
	void inspectWhenAnsweredWithARedirectThenNotFollowed() {
		graph.stubFor(post(urlPathEqualTo(GRAPH + "/")).willReturn(aResponse().withStatus(302)
			.withHeader("Location", "http://169.254.169.254/latest/meta-data/")));

		assertThat(this.facebook.inspect(held(USER_TOKEN))).isInstanceOf(Unreachable.class);
		assertThat(graph.getAllServeEvents()).hasSize(1);
	}

	@Test
	void inspectWhenAppNotConfiguredThenMisconfiguredWithoutAnyCall() {
		FacebookPublisher unconfigured = FacebookFixture.publisher(graph, null, null);

		PublisherOutcome outcome = unconfigured.inspect(held(USER_TOKEN));

		assertThat(outcome).isInstanceOf(Misconfigured.class);
		assertThat(outcome.evidence().detail()).isEqualTo("Facebook app is not configured");
		assertThat(graph.getAllServeEvents()).isEmpty();
	}

}
