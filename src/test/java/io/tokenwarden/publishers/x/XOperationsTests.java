package io.tokenwarden.publishers.x;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tokenwarden.publishers.AdAccountBilling;
import io.tokenwarden.publishers.AuthorizationGrant;
import io.tokenwarden.publishers.GrantedTokens;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.Misconfigured;
import io.tokenwarden.publishers.PublisherOutcome.PermissionMissing;
import io.tokenwarden.publishers.PublisherOutcome.Refused;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.VisibleAsset;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tokenwarden.publishers.x.XFixture.ACCESS;
import static io.tokenwarden.publishers.x.XFixture.REFRESH;
import static io.tokenwarden.publishers.x.XFixture.REVOKE;
import static io.tokenwarden.publishers.x.XFixture.TOKEN;
import static io.tokenwarden.publishers.x.XFixture.form;
import static io.tokenwarden.publishers.x.XFixture.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** X code exchange, renewal, revoke, identity and the Ads funding probe against WireMock. */
class XOperationsTests {

	private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk.abcdefghij~0123456789";

	private static final URI REDIRECT = URI.create("https://console.example.com/login/oauth2/code/x");

	private static final String FUNDING = "/12/accounts/18ce54d4x5t/funding_instruments";

	@RegisterExtension
	static WireMockExtension x = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final XPublisher publisher = XFixture.publisher(x);

	@AfterEach
	void noTokenInAnyUrlAndNoPlainPkce() {
		XFixture.assertJournalClean(x);
	}

	private static PublisherException failure(Runnable call) {
		return catchThrowableOfType(PublisherException.class, call::run);
	}

	private AuthorizationGrant grant(String verifier) {
		return new AuthorizationGrant(TokenSecret.of("VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPWGxNd2dxOjE2MjIxNjA4MjU4MjU6MToxOmFjOjE"),
				REDIRECT, verifier == null ? null : TokenSecret.of(verifier));
	}

	@Test
	void exchangeCodeWhenConfidentialClientThenBasicAuthAndTheVerifierInTheBody() {
		x.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(XFixture.ROTATED)));

		GrantedTokens tokens = this.publisher.exchangeCode(grant(VERIFIER));

		assertThat(tokens.accessToken().reveal()).isEqualTo(XFixture.NEW_ACCESS);
		assertThat(tokens.newRefreshToken()).isPresent();
		assertThat(tokens.expiresAt()).isEqualTo(XFixture.NOW.plusSeconds(7200));
		var request = XFixture.requests(x).get(0);
		assertThat(form(request)).containsEntry("grant_type", "authorization_code").containsEntry("code_verifier", VERIFIER)
			.containsEntry("redirect_uri", REDIRECT.toString()).doesNotContainKeys("client_secret", "client_id");
		assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
			.encodeToString((XFixture.CLIENT_ID + ":" + XFixture.CLIENT_SECRET).getBytes()));
	}

	@Test
	void exchangeCodeWhenPublicClientThenClientIdInTheBodyAndNoBasicAuth() {
		x.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(XFixture.ROTATED)));
		XPublisher publicClient = XFixture.publisher(x, XFixture.CLIENT_ID, null, Duration.ofSeconds(5));

		publicClient.exchangeCode(grant(VERIFIER));

		var request = XFixture.requests(x).get(0);
		assertThat(form(request)).containsEntry("client_id", XFixture.CLIENT_ID);
		assertThat(request.getHeader("Authorization")).isNull();
	}

	@Test
	void exchangeCodeWhenVerifierMissingOrTooShortThenRejectedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.exchangeCode(grant(null)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.exchangeCode(grant("short")));
		assertThat(x.getAllServeEvents()).isEmpty();
	}

	@Test
	void exchangeCodeWhenCodeInvalidThenRefusedNotExpiredAndNeverRetried() {
		x.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(400).withBody("""
				{"error":"invalid_request","error_description":"Value passed for the authorization code was invalid."}""")));

		assertThat(failure(() -> this.publisher.exchangeCode(grant(VERIFIER))).outcome()).isInstanceOf(Refused.class);
		x.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
	}

	@Test
	void exchangeCodeWhenAppNotConfiguredThenMisconfiguredWithoutAnyCall() {
		XPublisher unconfigured = XFixture.publisher(x, null, null, Duration.ofSeconds(5));

		PublisherException thrown = failure(() -> unconfigured.exchangeCode(grant(VERIFIER)));

		assertThat(thrown.outcome()).isInstanceOf(Misconfigured.class);
		assertThat(thrown.getMessage()).contains("X app is not configured");
		assertThat(x.getAllServeEvents()).isEmpty();
	}

	@Test
	void renewWhenRefreshTokenRotatesThenTheNewPair() {
		x.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(XFixture.ROTATED)));

		GrantedTokens tokens = this.publisher.renew(pair());

		assertThat(tokens.refreshToken()).isEqualTo(TokenSecret.of(XFixture.NEW_REFRESH));
		assertThat(form(XFixture.requests(x).get(0))).containsEntry("refresh_token", REFRESH.reveal());
	}

	@Test
	void renewWhenXDoesNotRotateThenNoNewRefreshTokenSoTheHeldOneIsKept() {
		x.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson("""
				{"token_type":"bearer","expires_in":7200,"access_token":"%s","scope":"tweet.read users.read"}"""
			.formatted(XFixture.NEW_ACCESS))));

		assertThat(this.publisher.renew(pair()).newRefreshToken()).isEmpty();
	}

	@Test
	void renewWhenRefreshRefusedOrNoneHeldThenExpired() {
		x.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(400).withBody(XFixture.REFRESH_REFUSED)));

		assertThat(failure(() -> this.publisher.renew(pair())).outcome()).isInstanceOf(Expired.class);
		assertThat(failure(() -> this.publisher.renew(HeldToken.of(ACCESS))).outcome()).isInstanceOf(Expired.class);
		x.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
	}

	@Test
	void revokeWhenBothTokensHeldThenRefreshTokenFirstThenAccessToken() {
		x.stubFor(post(urlPathEqualTo(REVOKE)).willReturn(okJson("{\"revoked\":true}")));

		this.publisher.revoke(pair());

		var requests = XFixture.requests(x);
		assertThat(requests).hasSize(2);
		assertThat(form(requests.get(0))).containsEntry("token", REFRESH.reveal()).containsEntry("token_type_hint", "refresh_token");
		assertThat(form(requests.get(1))).containsEntry("token", ACCESS.reveal()).containsEntry("token_type_hint", "access_token");
	}

	@Test
	void revokeWhenTokensAlreadyInvalidThenSucceeds() {
		x.stubFor(post(urlPathEqualTo(REVOKE)).willReturn(aResponse().withStatus(400).withBody(XFixture.REFRESH_REFUSED)));

		this.publisher.revoke(pair());

		assertThat(x.getAllServeEvents()).hasSize(2);
	}

	@Test
	void revokeWhenXIsDownThenUnreachableSoTheOutboxRetries() {
		x.stubFor(post(urlPathEqualTo(REVOKE)).willReturn(aResponse().withStatus(503)));

		assertThat(failure(() -> this.publisher.revoke(pair())).outcome()).isInstanceOf(Unreachable.class);
	}

	@Test
	void identityAndAssetsWhenUsersMeAnswersThenTheProfile() {
		x.stubFor(get(urlPathEqualTo(XFixture.USERS_ME)).willReturn(okJson(XFixture.ME)));

		assertThat(this.publisher.identity(ACCESS).username()).isEqualTo("XDevelopers");
		assertThat(this.publisher.assets(ACCESS)).singleElement().satisfies(asset -> {
			assertThat(asset.kind()).isEqualTo(VisibleAsset.Kind.PROFILE);
			assertThat(asset.id()).isEqualTo("2244994945");
		});
	}

	@Test
	void billingWhenAnInstrumentIsActiveAndAbleToFundThenInOrder() {
		x.stubFor(get(urlPathEqualTo(FUNDING)).willReturn(okJson("""
				{"request":{"params":{"account_id":"18ce54d4x5t"}},"next_cursor":null,
				 "data":[{"id":"lygyi","account_id":"18ce54d4x5t","type":"CREDIT_CARD","description":"Visa ending in 0650",
				  "entity_status":"ACTIVE","able_to_fund":true,"reasons_not_able_to_fund":[],"deleted":false}]}""")));

		AdAccountBilling billing = this.publisher.billing(ACCESS, "18ce54d4x5t");

		assertThat(billing.fundingSourceInvalid()).isFalse();
		assertThat(billing.fundingSourceId()).isEqualTo("lygyi");
	}

	@Test
	void billingWhenNoInstrumentCanFundOrAdsRefusesTheInstrumentThenInvalid() {
		x.stubFor(get(urlPathEqualTo(FUNDING)).willReturn(okJson("""
				{"data":[{"id":"hxt82","type":"CREDIT_CARD","entity_status":"ACTIVE","able_to_fund":false,"reasons_not_able_to_fund":["DELETED"],
				 "description":"(no payment method has been set up yet)","deleted":true}],"request":{}}""")));
		AdAccountBilling none = this.publisher.billing(ACCESS, "18ce54d4x5t");
		x.stubFor(get(urlPathEqualTo(FUNDING)).willReturn(aResponse().withStatus(403).withBody("""
				{"errors":[{"code":"FUNDING_INSTRUMENT_EXCEEDS_AVAILABLE_CREDIT_LIMIT","message":"Funding instrument does not have enough available credit"}],"request":{"params":{"account_id":"18ce54d4x5t"}}}""")));
		AdAccountBilling refused = this.publisher.billing(ACCESS, "18ce54d4x5t");

		assertThat(none.fundingProblem()).isPresent();
		assertThat(refused.fundingProblem()).hasValueSatisfying(problem ->
				assertThat(problem.evidence().code()).isEqualTo("FUNDING_INSTRUMENT_EXCEEDS_AVAILABLE_CREDIT_LIMIT"));
	}

	@Test
	void billingWhenTheAdsApiRefusesTheOAuth2TokenThenPermissionMissingNotExpired() {
		x.stubFor(get(urlPathEqualTo(FUNDING)).willReturn(aResponse().withStatus(401).withBody("""
				{"errors":[{"code":"UNAUTHORIZED_ACCESS","message":"This request is not properly authenticated"}],"request":{}}""")));

		assertThat(failure(() -> this.publisher.billing(ACCESS, "18ce54d4x5t")).outcome()).isInstanceOf(PermissionMissing.class);
		assertThat(List.of("18ce54d4x5t/../x", "")).allSatisfy(id ->
				assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.billing(ACCESS, id)));
	}

}
