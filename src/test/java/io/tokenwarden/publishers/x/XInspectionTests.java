package io.tokenwarden.publishers.x;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tokenwarden.publishers.ExpiryReason;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.Misconfigured;
import io.tokenwarden.publishers.PublisherOutcome.PermissionMissing;
import io.tokenwarden.publishers.PublisherOutcome.RateLimited;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.PublisherOutcome.Valid;
import io.tokenwarden.tokens.TokenSecret;
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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tokenwarden.publishers.x.XFixture.ACCESS;
import static io.tokenwarden.publishers.x.XFixture.REFRESH;
import static io.tokenwarden.publishers.x.XFixture.TOKEN;
import static io.tokenwarden.publishers.x.XFixture.USERS_ME;
import static io.tokenwarden.publishers.x.XFixture.form;
import static io.tokenwarden.publishers.x.XFixture.pair;
import static org.assertj.core.api.Assertions.assertThat;

/** X token inspection against WireMock: {@code /2/users/me}, and the refresh grant before concluding on a 401. */
@ExtendWith(OutputCaptureExtension.class)
class XInspectionTests {

	@RegisterExtension
	static WireMockExtension x = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final XPublisher publisher = XFixture.publisher(x);

	@AfterEach
	void noTokenInAnyUrlOrLogAndNoPlainPkce(CapturedOutput output) {
		XFixture.assertJournalClean(x);
		assertThat(output.getAll()).doesNotContain(ACCESS.reveal(), REFRESH.reveal(), XFixture.NEW_ACCESS,
				XFixture.NEW_REFRESH, XFixture.CLIENT_SECRET);
	}

	private static void usersMeAnswers(ResponseDefinitionBuilder answer) {
		x.stubFor(get(urlPathEqualTo(USERS_ME)).willReturn(answer.withHeader("x-transaction-id", "tx-1")));
	}

	private static void refreshAnswers(ResponseDefinitionBuilder answer) {
		x.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(answer));
	}

	@Test
	void inspectWhenUsersMeAnswersThenValidWithoutRenewal() {
		x.stubFor(get(urlPathEqualTo(USERS_ME)).withHeader("Authorization", equalTo("Bearer " + ACCESS.reveal()))
			.willReturn(okJson(XFixture.ME).withHeader("x-transaction-id", "tx-1")));

		assertThat(this.publisher.inspect(pair())).isInstanceOfSatisfying(Valid.class, valid -> {
			assertThat(valid.renewedTokens()).isEmpty();
			assertThat(valid.evidence().traceId()).isEqualTo("tx-1");
		});
		x.verify(0, postRequestedFor(urlPathEqualTo(TOKEN)));
	}

	@Test
	void inspectWhenAccessTokenExpiredAndRefreshWorksThenValidCarryingTheNewPair() {
		usersMeAnswers(aResponse().withStatus(401).withBody(XFixture.UNAUTHORIZED));
		refreshAnswers(okJson(XFixture.ROTATED));

		PublisherOutcome outcome = this.publisher.inspect(pair());

		assertThat(outcome).isInstanceOfSatisfying(Valid.class, valid -> {
			assertThat(valid.renewedTokens()).hasValueSatisfying(renewed -> {
				assertThat(renewed.accessToken()).isEqualTo(TokenSecret.of(XFixture.NEW_ACCESS));
				assertThat(renewed.refreshToken()).isEqualTo(TokenSecret.of(XFixture.NEW_REFRESH));
				assertThat(renewed.expiresAt()).isEqualTo(XFixture.NOW.plusSeconds(7200));
			});
			assertThat(valid.scopes()).contains("offline.access");
		});
		var refresh = XFixture.requests(x).get(1);
		assertThat(form(refresh)).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", REFRESH.reveal())
			.doesNotContainKey("client_secret");
		assertThat(refresh.getHeader("Authorization")).startsWith("Basic ");
	}

	@Test
	void inspectWhen401AndTheRefreshIsRefusedThenExpired() {
		usersMeAnswers(aResponse().withStatus(401).withBody(XFixture.UNAUTHORIZED));
		refreshAnswers(aResponse().withStatus(400).withHeader("x-transaction-id", "tx-refresh").withBody(XFixture.REFRESH_REFUSED));

		assertThat(this.publisher.inspect(pair())).isInstanceOfSatisfying(Expired.class, expired -> {
			assertThat(expired.reason()).isEqualTo(ExpiryReason.INVALID);
			assertThat(expired.evidence().code()).isEqualTo("invalid_request");
			assertThat(expired.evidence().traceId()).isEqualTo("tx-refresh");
		});
	}

	@Test
	void inspectWhen401AndNoRefreshTokenHeldThenExpiredWithoutARefresh() {
		usersMeAnswers(aResponse().withStatus(401).withBody(XFixture.UNAUTHORIZED));

		assertThat(this.publisher.inspect(HeldToken.of(ACCESS))).isInstanceOf(Expired.class);
		x.verify(0, postRequestedFor(urlPathEqualTo(TOKEN)));
	}

	@Test
	void inspectAllWhenOutage401StormAndTheRefreshAnswers5xxThenUnreachableNotExpired() {
		usersMeAnswers(aResponse().withStatus(401).withBody(XFixture.UNAUTHORIZED));
		refreshAnswers(aResponse().withStatus(503).withBody("""
				{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503}"""));

		List<PublisherOutcome> outcomes = this.publisher.inspectAll(List.of(pair(), pair(), pair()));

		assertThat(outcomes).hasSize(3).allMatch(Unreachable.class::isInstance);
	}

	@Test
	void inspectWhen401AndTheRefreshTimesOutThenUnreachable() {
		usersMeAnswers(aResponse().withStatus(401).withBody(XFixture.UNAUTHORIZED));
		refreshAnswers(okJson(XFixture.REFRESH_REFUSED).withStatus(400).withFixedDelay(3000));
		XPublisher impatient = XFixture.publisher(x, XFixture.CLIENT_ID, XFixture.CLIENT_SECRET, Duration.ofMillis(300));

		assertThat(impatient.inspect(pair())).isInstanceOf(Unreachable.class);
	}

	@Test
	void inspectWhen401AndOurClientCredentialsAreRefusedThenMisconfiguredNotExpired() {
		usersMeAnswers(aResponse().withStatus(401).withBody(XFixture.UNAUTHORIZED));
		refreshAnswers(aResponse().withStatus(401).withBody("""
				{"error":"unauthorized_client","error_description":"Missing valid authorization header"}"""));

		assertThat(this.publisher.inspect(pair())).isInstanceOf(Misconfigured.class);
	}

	@Test
	void inspectWhenThrottledThenRateLimitedUntilTheResetEpoch() {
		usersMeAnswers(aResponse().withStatus(429).withHeader("x-rate-limit-limit", "75")
			.withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", "1760000700")
			.withBody("""
					{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}"""));

		assertThat(this.publisher.inspect(pair())).isInstanceOfSatisfying(RateLimited.class,
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

			assertThat(this.publisher.inspect(pair())).isInstanceOf(Unreachable.class);
		}
	}

	@Test
	void inspectWhenForbiddenThenPermissionMissing() {
		usersMeAnswers(aResponse().withStatus(403).withBody("""
				{"title":"Forbidden","type":"https://api.x.com/2/problems/client-forbidden","detail":"not enrolled"}"""));

		assertThat(this.publisher.inspect(pair())).isInstanceOfSatisfying(PermissionMissing.class,
				missing -> assertThat(missing.evidence().code()).isEqualTo("client-forbidden"));
	}

}
