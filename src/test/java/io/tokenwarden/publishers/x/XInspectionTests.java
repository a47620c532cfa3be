package io.tokenwarden.publishers.x;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tokenwarden.publishers.ExpiryReason;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.Misconfigured;
import io.tokenwarden.publishers.PublisherOutcome.PermissionMissing;
import io.tokenwarden.publishers.PublisherOutcome.RateLimited;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.PublisherOutcome.Valid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tokenwarden.publishers.x.XFixture.ACCESS;
import static io.tokenwarden.publishers.x.XFixture.SECRET;
import static io.tokenwarden.publishers.x.XFixture.USERS_ME;
import static io.tokenwarden.publishers.x.XFixture.held;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * X token inspection against WireMock: a signed {@code /2/users/me}. X's OAuth 1.0a tokens do not expire,
 * so a 401 means revoked (code 89), unless it is X refusing our own signature (code 32); a storm of 401s
 * is the health checks' to hold (see BatchCheck), as one answer cannot tell.
 */
@ExtendWith(OutputCaptureExtension.class)
class XInspectionTests {

	@RegisterExtension
	static WireMockExtension x = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final XPublisher publisher = XFixture.publisher(x);

	@AfterEach
	void signedAndNoTokenInAnyUrlOrLog(CapturedOutput output) {
		XFixture.assertJournalClean(x);
		assertThat(output.getAll()).doesNotContain(ACCESS.reveal(), SECRET.reveal(), XFixture.CONSUMER_SECRET);
	}

	private static void usersMeAnswers(ResponseDefinitionBuilder answer) {
		x.stubFor(get(urlPathEqualTo(USERS_ME)).willReturn(answer.withHeader("x-transaction-id", "tx-1")));
	}

	@Test
	void inspectWhenUsersMeAnswersThenValidWithoutExpiry() {
		x.stubFor(get(urlPathEqualTo(USERS_ME)).withHeader("Authorization", containing("oauth_token=\"" + ACCESS.reveal() + "\""))
			.willReturn(okJson(XFixture.ME).withHeader("x-transaction-id", "tx-1")));

		assertThat(this.publisher.inspect(held())).isInstanceOfSatisfying(Valid.class, valid -> {
			assertThat(valid.expiresAt()).isNull();
			assertThat(valid.evidence().traceId()).isEqualTo("tx-1");
		});
		assertThat(x.getAllServeEvents()).hasSize(1);
	}

	@Test
	void inspectWhenXAnswersInvalidOrExpiredTokenThenExpiredAsRevoked() {
		usersMeAnswers(aResponse().withStatus(401).withBody(XFixture.INVALID_TOKEN));

		assertThat(this.publisher.inspect(held())).isInstanceOfSatisfying(Expired.class, expired -> {
			assertThat(expired.reason()).isEqualTo(ExpiryReason.INVALID);
			assertThat(expired.evidence().code()).isEqualTo("89");
			assertThat(expired.evidence().httpStatus()).isEqualTo(401);
		});
	}

	@Test
	void inspectWhenABare401ThenExpiredWithItsStatusForTheStormGuard() {
		usersMeAnswers(aResponse().withStatus(401).withBody(XFixture.UNAUTHORIZED));

		assertThat(this.publisher.inspect(held())).isInstanceOfSatisfying(Expired.class,
				expired -> assertThat(expired.evidence().httpStatus()).isEqualTo(401));
	}

	@Test
	void inspectWhenXCannotAuthenticateOurSignatureThenMisconfiguredNotExpired(CapturedOutput output) {
		usersMeAnswers(aResponse().withStatus(401).withBody(XFixture.NOT_AUTHENTICATED));

		assertThat(this.publisher.inspect(held())).isInstanceOf(Misconfigured.class);
		assertThat(output.getAll()).contains("check the consumer key and secret");
	}

	@Test
	void inspectAllWhenEveryTokenGets401ThenEachIsReportedForTheBatchToJudge() {
		usersMeAnswers(aResponse().withStatus(401).withBody(XFixture.UNAUTHORIZED));

		List<PublisherOutcome> outcomes = this.publisher.inspectAll(List.of(held(), held(), held()));

		assertThat(outcomes).hasSize(3).allMatch(Expired.class::isInstance);
		assertThat(x.getAllServeEvents()).hasSize(3);
	}

	@Test
	void inspectWhenUsersMeTimesOutThenUnreachable() {
		usersMeAnswers(okJson(XFixture.ME).withFixedDelay(3000));
		XPublisher impatient = XFixture.publisher(x, XFixture.CONSUMER_KEY, XFixture.CONSUMER_SECRET, Duration.ofMillis(300));

		assertThat(impatient.inspect(held())).isInstanceOf(Unreachable.class);
	}

	@Test
	void inspectWhenNoConsumerKeyThenMisconfiguredWithoutAnyCall() {
		XPublisher unconfigured = XFixture.publisher(x, null, null, Duration.ofSeconds(5));

		assertThat(unconfigured.inspect(held())).isInstanceOf(Misconfigured.class);
		assertThat(x.getAllServeEvents()).isEmpty();
	}

	@Test
	void inspectWhenThrottledThenRateLimitedUntilTheResetEpoch() {
		usersMeAnswers(aResponse().withStatus(429).withHeader("x-rate-limit-limit", "75")
			.withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", "1760000700")
			.withBody("""
					{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"""));

		assertThat(this.publisher.inspect(held())).isInstanceOfSatisfying(RateLimited.class,
				limited -> assertThat(limited.retryAt()).isEqualTo(Instant.ofEpochSecond(1760000700)));
	}

	@Test
	void inspectWhenResetOr503OrEmptyOrMalformedThenUnreachable() {
		List<ResponseDefinitionBuilder> answers = List.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				aResponse().withFault(Fault.EMPTY_RESPONSE), aResponse().withStatus(503).withBody("<html>503</html>"),
				aResponse().withStatus(200), okJson("{\"data\":{\"id\":"));
		for (ResponseDefinitionBuilder answer : answers) {
			x.resetAll();
			x.stubFor(get(urlPathEqualTo(USERS_ME)).willReturn(answer));

			assertThat(this.publisher.inspect(held())).isInstanceOf(Unreachable.class);
		}
	}

	@Test
	void inspectWhenForbiddenThenPermissionMissing() {
		usersMeAnswers(aResponse().withStatus(403).withBody("""
				{"title":"Forbidden","type":"https://api.x.com/2/problems/client-forbidden","detail":"not enrolled"}"""));

		assertThat(this.publisher.inspect(held())).isInstanceOfSatisfying(PermissionMissing.class,
				missing -> assertThat(missing.evidence().code()).isEqualTo("client-forbidden"));
	}

}
