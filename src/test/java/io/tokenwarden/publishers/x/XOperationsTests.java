package io.tokenwarden.publishers.x;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tokenwarden.publishers.AdAccountBilling;
import io.tokenwarden.publishers.AuthorizationGrant;
import io.tokenwarden.publishers.AuthorizedUser;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.Misconfigured;
import io.tokenwarden.publishers.PublisherOutcome.Refused;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.RequestToken;
import io.tokenwarden.publishers.VisibleAsset;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tokenwarden.publishers.x.XFixture.ACCESS;
import static io.tokenwarden.publishers.x.XFixture.INVALIDATE;
import static io.tokenwarden.publishers.x.XFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** X's OAuth 1.0a consent (request token, access token), revocation, identity and the Ads funding probe against WireMock. */
class XOperationsTests {

	private static final URI CALLBACK = URI.create("https://console.example.com/login/oauth1/callback/x");

	private static final String REQUEST_TOKEN = "/oauth/request_token";

	private static final String ACCESS_TOKEN = "/oauth/access_token";

	private static final String FUNDING = "/12/accounts/18ce54d4x5t/funding_instruments";

	@RegisterExtension
	static WireMockExtension x = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final XPublisher publisher = XFixture.publisher(x);

	@AfterEach
	void signedAndNoTokenInAnyUrl() {
		XFixture.assertJournalClean(x);
	}

	private static PublisherException failure(Runnable call) {
		return catchThrowableOfType(PublisherException.class, call::run);
	}

	@Test
	void requestTokenThenSignedWithTheConsumerSecretAloneAndTheCallbackInTheHeader() {
		x.stubFor(post(urlPathEqualTo(REQUEST_TOKEN)).willReturn(aResponse().withBody(
				"oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0&oauth_token_secret=veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI&oauth_callback_confirmed=true")));

		RequestToken token = this.publisher.consent().requestToken(CALLBACK);

		assertThat(token.token()).isEqualTo("NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0");
		assertThat(token.secret().reveal()).isEqualTo("veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI");
		Map<String, String> oauth = XFixture.oauth(XFixture.requests(x).get(0));
		assertThat(oauth).containsEntry("oauth_callback", CALLBACK.toString()).doesNotContainKey("oauth_token");
		assertThat(this.publisher.consent().authorizationUri(token))
			.isEqualTo(URI.create(x.baseUrl() + "/oauth/authorize?oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0"));
	}

	@Test
	void requestTokenWhenTheCallbackIsNotConfirmedThenRefused() {
		x.stubFor(post(urlPathEqualTo(REQUEST_TOKEN)).willReturn(aResponse().withBody(
				"oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0&oauth_token_secret=veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI")));

		assertThat(failure(() -> this.publisher.consent().requestToken(CALLBACK)).outcome()).isInstanceOf(Refused.class);
	}

	@Test
	void requestTokenWhenXCannotAuthenticateUsOrIsNotConfiguredThenMisconfigured() {
		x.stubFor(post(urlPathEqualTo(REQUEST_TOKEN)).willReturn(aResponse().withStatus(401)
			.withBody(XFixture.NOT_AUTHENTICATED)));
		XPublisher unconfigured = XFixture.publisher(x, null, null, Duration.ofSeconds(5));

		assertThat(failure(() -> this.publisher.consent().requestToken(CALLBACK)).outcome()).isInstanceOf(Misconfigured.class);
		PublisherException thrown = failure(() -> unconfigured.consent().requestToken(CALLBACK));
		assertThat(thrown.outcome()).isInstanceOf(Misconfigured.class);
		assertThat(thrown.getMessage()).contains("X app is not configured");
		assertThat(x.getAllServeEvents()).hasSize(1);
	}

	@Test
	void accessTokenThenSignedWithTheRequestTokenAndItsSecretWithTheVerifierAndTheUsersTokenBack() {
		x.stubFor(post(urlPathEqualTo(ACCESS_TOKEN)).willReturn(aResponse().withBody(
				"oauth_token=" + ACCESS.reveal() + "&oauth_token_secret=" + SECRET.reveal() + "&user_id=370773112&screen_name=XDevelopers")));
		RequestToken requestToken = new RequestToken("NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0",
				TokenSecret.of("veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI"));

		AuthorizedUser user = this.publisher.consent().accessToken(requestToken, "uw7NjWHT6OJ1MpJOXsHfNxoAhPKpgI8BlYDhxEjIBY");

		assertThat(user.token()).isEqualTo(XFixture.held());
		assertThat(user.userId()).isEqualTo("370773112");
		assertThat(user.screenName()).isEqualTo("XDevelopers");
		assertThat(XFixture.oauth(XFixture.requests(x).get(0)))
			.containsEntry("oauth_token", "NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0")
			.containsEntry("oauth_verifier", "uw7NjWHT6OJ1MpJOXsHfNxoAhPKpgI8BlYDhxEjIBY");
	}

	@Test
	void accessTokenWhenTheVerifierIsRefusedThenRefusedAndNeverRetried() {
		x.stubFor(post(urlPathEqualTo(ACCESS_TOKEN)).willReturn(aResponse().withStatus(401).withBody(XFixture.INVALID_TOKEN)));
		RequestToken requestToken = new RequestToken("NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0",
				TokenSecret.of("veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI"));

		assertThat(failure(() -> this.publisher.consent().accessToken(requestToken, "used")).outcome())
			.isInstanceOf(Refused.class);
		x.verify(1, postRequestedFor(urlPathEqualTo(ACCESS_TOKEN)));
	}

	@Test
	void exchangeCodeWhenAskedOfXThenUnsupported() {
		assertThatThrownBy(() -> this.publisher.exchangeCode(new AuthorizationGrant(TokenSecret.of("code"),
				CALLBACK, null))).isInstanceOf(UnsupportedOperationException.class);
		assertThat(x.getAllServeEvents()).isEmpty();
	}

	@Test
	void revokeThenInvalidateTokenSignedWithTheTokenItEnds() {
		x.stubFor(post(urlPathEqualTo(INVALIDATE)).willReturn(okJson("{\"access_token\":\"" + ACCESS.reveal() + "\"}")));

		this.publisher.revoke(XFixture.held());

		var requests = XFixture.requests(x);
		assertThat(requests).hasSize(1);
		assertThat(XFixture.oauth(requests.get(0))).containsEntry("oauth_token", ACCESS.reveal());
	}

	@Test
	void revokeWhenTheTokenIsAlreadyInvalidThenSucceeds() {
		x.stubFor(post(urlPathEqualTo(INVALIDATE)).willReturn(aResponse().withStatus(401).withBody(XFixture.INVALID_TOKEN)));

		this.publisher.revoke(XFixture.held());

		assertThat(x.getAllServeEvents()).hasSize(1);
	}

	@Test
	void revokeWhenXIsDownOrCannotAuthenticateUsThenFailsSoTheOutboxRetries() {
		x.stubFor(post(urlPathEqualTo(INVALIDATE)).willReturn(aResponse().withStatus(503)));
		assertThat(failure(() -> this.publisher.revoke(XFixture.held())).outcome()).isInstanceOf(Unreachable.class);
		x.stubFor(post(urlPathEqualTo(INVALIDATE)).willReturn(aResponse().withStatus(401).withBody(XFixture.NOT_AUTHENTICATED)));
		assertThat(failure(() -> this.publisher.revoke(XFixture.held())).outcome()).isInstanceOf(Misconfigured.class);
	}

	@Test
	void identityAndAssetsWhenUsersMeAnswersThenTheProfile() {
		x.stubFor(get(urlPathEqualTo(XFixture.USERS_ME)).willReturn(okJson(XFixture.ME)));

		assertThat(this.publisher.identity(XFixture.held()).username()).isEqualTo("XDevelopers");
		assertThat(this.publisher.assets(XFixture.held())).singleElement().satisfies(asset -> {
			assertThat(asset.kind()).isEqualTo(VisibleAsset.AssetKind.PROFILE);
			assertThat(asset.id()).isEqualTo("2244994945");
		});
	}

	@Test
	void billingWhenAnInstrumentIsActiveAndAbleToFundThenInOrder() {
		x.stubFor(get(urlPathEqualTo(FUNDING)).willReturn(okJson("""
				{"request":{"params":{"account_id":"18ce54d4x5t"}},"next_cursor":null,
				 "data":[{"id":"lygyi","account_id":"18ce54d4x5t","type":"CREDIT_CARD","description":"Visa ending in 0650",
				  "entity_status":"ACTIVE","able_to_fund":true,"reasons_not_able_to_fund":[],"deleted":false}]}""")));

		AdAccountBilling billing = this.publisher.billing(XFixture.held(), "18ce54d4x5t");

		assertThat(billing.fundingSourceInvalid()).isFalse();
		assertThat(billing.fundingSourceId()).isEqualTo("lygyi");
	}

	@Test
	void billingWhenNoInstrumentCanFundOrAdsRefusesTheInstrumentThenInvalid() {
		x.stubFor(get(urlPathEqualTo(FUNDING)).willReturn(okJson("""
				{"data":[{"id":"hxt82","type":"CREDIT_CARD","entity_status":"ACTIVE","able_to_fund":false,"reasons_not_able_to_fund":["DELETED"],
				 "description":"(no payment method has been set up yet)","deleted":true}],"request":{}}""")));
		AdAccountBilling none = this.publisher.billing(XFixture.held(), "18ce54d4x5t");
		x.stubFor(get(urlPathEqualTo(FUNDING)).willReturn(aResponse().withStatus(403).withBody("""
				{"errors":[{"code":"FUNDING_INSTRUMENT_EXCEEDS_AVAILABLE_CREDIT_LIMIT","message":"Funding instrument does not have enough available credit"}],"request":{"params":{"account_id":"18ce54d4x5t"}}}""")));
		AdAccountBilling refused = this.publisher.billing(XFixture.held(), "18ce54d4x5t");

		assertThat(none.fundingProblem()).isPresent();
		assertThat(refused.fundingProblem()).hasValueSatisfying(problem ->
				assertThat(problem.evidence().code()).isEqualTo("FUNDING_INSTRUMENT_EXCEEDS_AVAILABLE_CREDIT_LIMIT"));
	}

	@Test
	void billingWhenTheAdsApiRefusesTheTokenThenExpired() {
		x.stubFor(get(urlPathEqualTo(FUNDING)).willReturn(aResponse().withStatus(401).withBody("""
				{"errors":[{"code":"UNAUTHORIZED_ACCESS","message":"This request is not properly authenticated"}],"request":{}}""")));

		assertThat(failure(() -> this.publisher.billing(XFixture.held(), "18ce54d4x5t")).outcome()).isInstanceOf(Expired.class);
		assertThat(List.of("18ce54d4x5t/../x", "")).allSatisfy(id ->
				assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.billing(XFixture.held(), id)));
	}

}
