package io.tokenwarden.publishers.facebook;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.AdAccountBilling;
import io.tokenwarden.publishers.AuthorizationGrant;
import io.tokenwarden.publishers.GrantedTokens;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.Misconfigured;
import io.tokenwarden.publishers.PublisherOutcome.Refused;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.VisibleAsset;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tokenwarden.publishers.facebook.FacebookFixture.GRAPH;
import static io.tokenwarden.publishers.facebook.FacebookFixture.NOW;
import static io.tokenwarden.publishers.facebook.FacebookFixture.OTHER_TOKEN;
import static io.tokenwarden.publishers.facebook.FacebookFixture.TOKEN_PATH;
import static io.tokenwarden.publishers.facebook.FacebookFixture.USER_TOKEN;
import static io.tokenwarden.publishers.facebook.FacebookFixture.form;
import static io.tokenwarden.publishers.facebook.FacebookFixture.held;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Facebook code exchange, identity, assets, billing and revoke against WireMock. */
class FacebookOperationsTests {

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final FacebookPublisher facebook = FacebookFixture.publisher(graph);

	@AfterEach
	void noTokenInAnyUrlAndEveryGraphCallCarriesItsProof() {
		FacebookFixture.assertJournalClean(graph);
	}

	private static PublisherException failure(Runnable call) {
		return catchThrowableOfType(PublisherException.class, call::run);
	}

	@Test
	void exchangeCodeWhenMetaAcceptsThenTheShortTokenIsExchangedForALongLivedOne() {
		graph.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("code=AQD-code"))
			.willReturn(okJson("{\"access_token\":\"" + OTHER_TOKEN.reveal() + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
		graph.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=fb_exchange_token"))
			.willReturn(okJson("{\"access_token\":\"" + USER_TOKEN.reveal() + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));

		GrantedTokens tokens = this.facebook.exchangeCode(new AuthorizationGrant(TokenSecret.of("AQD-code"),
				URI.create("https://console.example.com/login/oauth2/code/facebook"), null));

		assertThat(tokens.accessToken()).isEqualTo(USER_TOKEN);
		assertThat(tokens.tokenSecret()).isNull();
		assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(5183944));
		var exchange = graph.getAllServeEvents().get(0).getRequest();
		assertThat(form(exchange)).containsEntry("fb_exchange_token", OTHER_TOKEN.reveal())
			.containsEntry("client_id", FacebookFixture.APP_ID);
	}

	@Test
	void exchangeCodeWhenCodeWasUsedThenRefusedAndNeverRetried() {
		graph.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400).withBody("""
				{"error":{"message":"This authorization code has been used.","type":"OAuthException","code":100,"fbtrace_id":"Used1"}}""")));

		PublisherException thrown = failure(() -> this.facebook.exchangeCode(new AuthorizationGrant(
				TokenSecret.of("AQD-used"), URI.create("https://console.example.com/login/oauth2/code/facebook"), null)));

		assertThat(thrown.outcome()).isInstanceOf(Refused.class);
		assertThat(thrown.getMessage()).doesNotContain("AQD-used");
		graph.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
	}

	@Test
	void exchangeCodeWhenTheLongLivedExchangeFindsTheTokenExpiredThenExpiredWithReason() {
		graph.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("code=AQD-code"))
			.willReturn(okJson("{\"access_token\":\"" + OTHER_TOKEN.reveal() + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
		graph.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=fb_exchange_token"))
			.willReturn(aResponse().withStatus(400).withBody("""
				{"error":{"message":"Error validating access token: Session has expired on Tuesday, 05-Apr-16 23:00:00 PDT.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"B1"}}""")));

		assertThat(failure(() -> this.facebook.exchangeCode(new AuthorizationGrant(TokenSecret.of("AQD-code"),
				URI.create("https://console.example.com/login/oauth2/code/facebook"), null))).outcome())
			.isInstanceOfSatisfying(Expired.class,
				expired -> assertThat(expired.reason().name()).isEqualTo("EXPIRED"));
	}

	@Test
	void identityWhenTokenWorksThenUserIdAndNameWithTheTokenInTheHeader() {
		graph.stubFor(get(urlPathEqualTo(GRAPH + "/me")).withHeader("Authorization", equalTo("Bearer " + USER_TOKEN.reveal()))
			.willReturn(okJson("{\"id\":\"10228604863005643\",\"name\":\"Jane Doe\"}")));

		var identity = this.facebook.identity(HeldToken.of(USER_TOKEN));

		assertThat(identity.id()).isEqualTo("10228604863005643");
		assertThat(identity.name()).isEqualTo("Jane Doe");
	}

	@Test
	void identityWhenAppNotConfiguredThenClearMisconfiguredFailure() {
		PublisherException thrown = failure(() -> FacebookFixture.publisher(graph, "138483919580948", null).identity(HeldToken.of(USER_TOKEN)));

		assertThat(thrown.outcome()).isInstanceOf(Misconfigured.class);
		assertThat(thrown.getMessage()).contains("Facebook app is not configured");
	}

	@Test
	void assetsWhenPagedThenFollowsNextToTheEndWithoutMetasEmbeddedToken() {
		String base = graph.baseUrl() + GRAPH + "/10228604863005643/accounts";
		graph.stubFor(get(urlPathEqualTo(GRAPH + "/me/accounts")).willReturn(okJson("""
				{"data":[{"name":"Facebook Page 1","id":"102345678901234","tasks":["MANAGE","ADVERTISE"]}],
				 "paging":{"cursors":{"after":"MTAxNTExOTQ1MjAwNzI5NDE="},"next":"%s?access_token=%s&limit=25&after=MTAxNTExOTQ1MjAwNzI5NDE%%3D"}}"""
			.formatted(base, USER_TOKEN.reveal()))));
		graph.stubFor(get(urlPathEqualTo(GRAPH + "/10228604863005643/accounts")).withQueryParam("after", equalTo("MTAxNTExOTQ1MjAwNzI5NDE="))
			.willReturn(okJson("{\"data\":[],\"paging\":{\"next\":\"" + base + "?limit=25&after=Mg%3D%3D\"}}")));
		graph.stubFor(get(urlPathEqualTo(GRAPH + "/10228604863005643/accounts")).withQueryParam("after", equalTo("Mg=="))
			.willReturn(okJson("{\"data\":[{\"name\":\"Page 2\",\"id\":\"2\",\"tasks\":[\"ANALYZE\"]}],\"paging\":{}}")));
		graph.stubFor(get(urlPathEqualTo(GRAPH + "/me/adaccounts")).willReturn(okJson("""
				{"data":[{"id":"act_212551616838260","name":"Northwind Ads","user_tasks":["MANAGE","ADVERTISE","ANALYZE"]}]}""")));

		List<VisibleAsset> assets = this.facebook.assets(HeldToken.of(USER_TOKEN));

		assertThat(assets).extracting(VisibleAsset::id).containsExactly("102345678901234", "2", "act_212551616838260");
		assertThat(assets.get(0).tasks()).containsExactly("MANAGE", "ADVERTISE");
		assertThat(assets.get(2).kind()).isEqualTo(VisibleAsset.AssetKind.AD_ACCOUNT);
	}

	@Test
	void assetsWhenNextLinkPointsToAnotherHostThenNotFollowed() {
		graph.stubFor(get(urlPathEqualTo(GRAPH + "/me/accounts")).willReturn(okJson("""
				{"data":[],"paging":{"next":"http://169.254.169.254/latest/meta-data/?after=x"}}""")));

		assertThat(failure(() -> this.facebook.assets(HeldToken.of(USER_TOKEN))).outcome()).isInstanceOf(Unreachable.class);
		assertThat(graph.getAllServeEvents()).hasSize(1);
	}

	@Test
	void billingWhenUnsettledOrDisabledForPaymentRiskOrWithoutFundingThenInvalid() {
		stubAccount("""
				{"account_status":3,"disable_reason":0,"funding_source":"4513345678901234",
				 "funding_source_details":{"id":"4513345678901234","display_string":"Visa *4242","type":1},"id":"act_212551616838260"}""");
		AdAccountBilling unsettled = this.facebook.billing(HeldToken.of(USER_TOKEN), "act_212551616838260");
		stubAccount("{\"account_status\":2,\"disable_reason\":3,\"id\":\"act_212551616838260\"}");
		AdAccountBilling risk = this.facebook.billing(HeldToken.of(USER_TOKEN), "212551616838260");
		stubAccount("{\"account_status\":1,\"disable_reason\":0,\"user_tasks\":[\"MANAGE\"],\"id\":\"act_212551616838260\"}");
		AdAccountBilling noFunding = this.facebook.billing(HeldToken.of(USER_TOKEN), "act_212551616838260");

		assertThat(List.of(unsettled, risk, noFunding)).allMatch(AdAccountBilling::fundingSourceInvalid);
		assertThat(unsettled.fundingSourceDisplay()).isEqualTo("Visa *4242");
		assertThat(risk.fundingProblem()).hasValueSatisfying(problem -> {
			assertThat(problem.accountStatus()).isEqualTo(2);
			assertThat(problem.disableReason()).isEqualTo(3);
		});
	}

	@Test
	void billingWhenActiveWithFundingOrDisabledForPolicyThenNotABillingProblem() {
		stubAccount("""
				{"account_status":1,"disable_reason":0,"funding_source":"4513345678901234","user_tasks":["MANAGE"],"id":"act_212551616838260"}""");
		AdAccountBilling active = this.facebook.billing(HeldToken.of(USER_TOKEN), "act_212551616838260");
		stubAccount("{\"account_status\":2,\"disable_reason\":1,\"id\":\"act_212551616838260\"}");
		AdAccountBilling policy = this.facebook.billing(HeldToken.of(USER_TOKEN), "act_212551616838260");

		assertThat(active.fundingSourceInvalid()).isFalse();
		assertThat(active.fundingSourceId()).isEqualTo("4513345678901234");
		assertThat(policy.fundingProblem()).isEmpty();
	}

	@Test
	void billingWhenAccountIdIsNotAnIdThenRejectedBeforeAnyCall() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.facebook.billing(HeldToken.of(USER_TOKEN), "../me/permissions"));
		assertThat(graph.getAllServeEvents()).isEmpty();
	}

	@Test
	void revokeWhenMetaConfirmsOrTheTokenIsAlreadyDeadThenSucceeds() {
		for (String answer : List.of("{\"success\":true}", "true")) {
			graph.stubFor(delete(urlPathEqualTo(GRAPH + "/me/permissions")).willReturn(okJson(answer)));
			this.facebook.revoke(held(USER_TOKEN));
		}
		graph.stubFor(delete(urlPathEqualTo(GRAPH + "/me/permissions")).willReturn(aResponse().withStatus(400).withBody("""
				{"error":{"message":"Error validating access token: The session is invalid because the user logged out.","type":"OAuthException","code":190,"error_subcode":467}}""")));
		this.facebook.revoke(held(USER_TOKEN));

		assertThat(graph.getAllServeEvents()).hasSize(3);
	}

	@Test
	void revokeWhenMetaIsDownThenUnreachableSoTheOutboxRetries() {
		graph.stubFor(delete(urlPathEqualTo(GRAPH + "/me/permissions")).willReturn(aResponse().withStatus(500).withBody("""
				{"error":{"message":"An unknown error occurred","type":"OAuthException","code":1,"error_subcode":99,"is_transient":true}}""")));

		assertThat(failure(() -> this.facebook.revoke(held(USER_TOKEN))).outcome()).isInstanceOf(Unreachable.class);
	}

	private static void stubAccount(String body) {
		graph.stubFor(get(urlPathEqualTo(GRAPH + "/act_212551616838260")).willReturn(okJson(body)));
	}

}
