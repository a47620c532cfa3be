package io.tokenwarden.refresh;

import io.tokenwarden.accounts.SeenAsset;
import io.tokenwarden.flash.Flash;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.Test;
import io.tokenwarden.testsupport.WebSession;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Refreshing an expired Facebook token through the consent page, end to end against an imitation Graph API. */
class FacebookRefreshTests extends RefreshTestSupport {

	static final String LONG_LIVED = "EAAJ5xLONGlivedTokenFromTheExchangeZZ";

	void facebookAnswers(String userId, String userName, String pagesJson) {
		publishers.stubFor(post(urlPathEqualTo("/v25.0/oauth/access_token")).withRequestBody(containing("code="))
			.willReturn(okJson("{\"access_token\":\"EAAJ5xSHORTlived\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
		publishers.stubFor(post(urlPathEqualTo("/v25.0/oauth/access_token")).withRequestBody(containing("fb_exchange_token"))
			.willReturn(okJson("{\"access_token\":\"" + LONG_LIVED + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
		publishers.stubFor(get(urlPathEqualTo("/v25.0/me")).willReturn(okJson("{\"id\":\"" + userId + "\",\"name\":\"" + userName + "\"}")));
		publishers.stubFor(post(urlPathEqualTo("/v25.0/")).willReturn(okJson("[{\"code\":200,\"headers\":[],\"body\":"
				+ "\"{\\\"data\\\":{\\\"app_id\\\":\\\"138483919580948\\\",\\\"type\\\":\\\"USER\\\",\\\"is_valid\\\":true,"
				+ "\\\"expires_at\\\":4102444800,\\\"data_access_expires_at\\\":4102444800,"
				+ "\\\"scopes\\\":[\\\"ads_read\\\",\\\"pages_show_list\\\"],\\\"user_id\\\":\\\"" + userId + "\\\"}}\"}]")));
		publishers.stubFor(get(urlPathEqualTo("/v25.0/me/accounts")).willReturn(okJson(pagesJson)));
		publishers.stubFor(get(urlPathEqualTo("/v25.0/me/adaccounts")).willReturn(okJson("{\"data\":[],\"paging\":{}}")));
	}

	@Test
	void startWhenAdminClicksRefreshThenConsentUrlWithSingleUseStateAndRerequestButNoPkceByDefault() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		Map<String, String> consent = startRefresh(id, admin());
		Map<String, String> again = startRefresh(id, admin());

		assertThat(consent).containsEntry("response_type", "code").containsEntry("client_id", "138483919580948")
			.containsEntry("auth_type", "rerequest").containsEntry("login_hint", externalId(id))
			// Meta documents PKCE only for its OIDC login; tokenwarden.refresh.facebook-pkce=true turns it on
			.doesNotContainKeys("code_challenge", "code_challenge_method");
		assertThat(consent.get("redirect_uri")).isEqualTo("http://localhost/login/oauth2/code/facebook");
		assertThat(consent.get("scope").split(" ")).containsExactlyInAnyOrder("ads_management", "ads_read",
				"business_management", "pages_read_engagement", "pages_show_list");
		assertThat(consent.get("state")).isNotEqualTo(again.get("state")).hasSizeGreaterThanOrEqualTo(22);
	}

	@Test
	void refreshWhenAdminConsentsThenTheTokenIsStoredValidAuditedAndLostPagesAreNamed() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		this.tokens.changeStatus(id, TokenStatus.EXPIRED, "PASSWORD_CHANGED", null, "test");
		this.data.seenBefore(id, List.of(new SeenAsset("PAGE", "1", "Kept Page", List.of("MANAGE")),
				new SeenAsset("PAGE", "2", "Lost Page", List.of("MANAGE"))));
		facebookAnswers(externalId(id), "Jane Doe", """
				{"data":[{"id":"1","name":"Kept Page","tasks":["ANALYZE","ADVERTISE"]}],"paging":{}}""");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		MvcResult result = callback("facebook", session, "code", "AQDcode", "state", consent.get("state"));

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts");
		assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(FlashMessages.success(result)).isEqualTo("refresh.done");
		assertThat(FlashMessages.warning(result)).isEqualTo("refresh.lostAssets");
		assertThat(FlashMessages.arguments(result, Flash.Level.WARNING)).containsExactly("Lost Page");
		assertThat(status(id)).isEqualTo("VALID");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(LONG_LIVED);
		assertThat(this.accounts.assets(id)).extracting(SeenAsset::name).containsExactly("Kept Page");
		assertThat(auditCount(id, "token_refreshed")).isEqualTo(1);
		publishers.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/oauth/access_token")).withRequestBody(containing("code=")));
		publishers.verify(0, postRequestedFor(urlPathEqualTo("/v25.0/oauth/access_token")).withRequestBody(containing("code_verifier=")));
	}

	@Test
	void refreshWhenAdminOnEveryPageAndAdAccountsListNoTasksThenNoBelowAdminWarning() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		facebookAnswers(externalId(id), "Jane Doe", """
				{"data":[{"id":"1","name":"Main Page","tasks":["MANAGE","ADVERTISE","ANALYZE"]}],"paging":{}}""");
		publishers.stubFor(get(urlPathEqualTo("/v25.0/me/adaccounts")).willReturn(okJson("""
				{"data":[{"id":"act_77","name":"Main Ads"}],"paging":{}}""")));
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		MvcResult result = callback("facebook", session, "code", "AQDcode", "state", consent.get("state"));

		assertThat(FlashMessages.success(result)).isEqualTo("refresh.done");
		assertThat(FlashMessages.warning(result)).isNull();
		assertThat(this.accounts.assets(id)).extracting(SeenAsset::name).containsExactlyInAnyOrder("Main Page", "Main Ads");
	}

	@Test
	void refreshWhenSignedInAsAnotherFacebookUserThenExplainsAndStoresNothing() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		String before = this.tokens.accessToken(id).orElseThrow().reveal();
		facebookAnswers("555000111", "Somebody Else", "{\"data\":[],\"paging\":{}}");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		MvcResult result = callback("facebook", session, "code", "AQDcode", "state", consent.get("state"));

		assertThat(FlashMessages.error(result)).isEqualTo("refresh.wrongIdentity");
		assertThat(FlashMessages.arguments(result, Flash.Level.ERROR))
			.containsExactly("Facebook", "Somebody Else", "555000111", externalId(id), this.accounts.find(id).orElseThrow().name());
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(before);
		assertThat(auditCount(id, "refresh_failed")).isEqualTo(1);
	}

	@Test
	void refreshWhenUserCancelsAtFacebookThenSaysSoAndChangesNothing() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		MvcResult result = callback("facebook", session, "error", "access_denied", "error_reason",
				"user_denied", "error_description", "Permissions error", "state", consent.get("state"));

		assertThat(FlashMessages.error(result)).isEqualTo("refresh.cancelled");
		assertThat(publishers.getAllServeEvents()).isEmpty();
		assertThat(auditCount(id, "refresh_failed")).isEqualTo(1);
	}

	@Test
	void callbackWhenStateIsUnknownReusedOrFromAnotherSessionThen400AndNoPublisherCall() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		facebookAnswers(externalId(id), "Jane Doe", "{\"data\":[],\"paging\":{}}");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		assertThat(callback("facebook", session, "code", "AQDcode", "state", "not-a-state").getResponse().getStatus()).isEqualTo(400);
		assertThat(callback("facebook", admin(), "code", "AQDcode", "state", consent.get("state"))
			.getResponse().getStatus()).isEqualTo(400);
		assertThat(publishers.getAllServeEvents()).isEmpty();

		assertThat(callback("facebook", session, "code", "AQDcode", "state", consent.get("state"))
			.getResponse().getStatus()).isEqualTo(302);
		MvcResult replay = callback("facebook", session, "code", "AQDcode", "state", consent.get("state"));
		assertThat(replay.getResponse().getStatus()).isEqualTo(400);
		assertThat(replay.getResponse().getContentAsString()).contains("already used");
		publishers.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/oauth/access_token")).withRequestBody(containing("code=")));
	}

	@Test
	void callbackWhenStateIsOlderThanTenMinutesThen400AndNoPublisherCall() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);
		this.clock.advance(Duration.ofMinutes(11));

		MvcResult result = callback("facebook", session, "code", "AQDcode", "state", consent.get("state"));

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("longer than 10 minutes");
		assertThat(publishers.getAllServeEvents()).isEmpty();
	}

	@Test
	void callbackWhenDeliveredToTheXEndpointsWithFacebooksStateThenRejectedAndNothingIsCalled() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		// X has no OAuth 2.0 callback any more, and its OAuth 1.0a one knows no Facebook state
		assertThat(callback("x", session, "code", "AQDcode", "state", consent.get("state")).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(session.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/login/oauth1/callback/x").param("oauth_token", consent.get("state"))
			.param("oauth_verifier", "AQDcode")).getResponse().getStatus()).isEqualTo(400);
		assertThat(publishers.getAllServeEvents()).isEmpty();
	}

	@Test
	void callbackWithTwoStatesOrAnOversizedCodeThen400() throws Exception {
		WebSession session = admin();
		assertThat(callback("facebook", session, "code", "a", "state", "one", "state", "two").getResponse().getStatus()).isEqualTo(400);
		assertThat(callback("facebook", session, "code", "a".repeat(3000), "state", "one").getResponse().getStatus())
			.isEqualTo(400);
	}

	@Test
	void refreshWhenFacebookIsUnreachableDuringTheExchangeThenTryAgainAndTheOldTokenStays() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		String before = this.tokens.accessToken(id).orElseThrow().reveal();
		publishers.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		MvcResult result = callback("facebook", session, "code", "AQDcode", "state", consent.get("state"));

		assertThat(FlashMessages.error(result)).isEqualTo("refresh.unreachable");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(before);
		publishers.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/oauth/access_token")));
	}

	@Test
	void refreshAfterAnInvalidationThenTheTokenIsValidAgain() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		invalidate(id);
		assertThat(status(id)).isEqualTo("INVALIDATED");
		facebookAnswers(externalId(id), "Jane Doe", "{\"data\":[],\"paging\":{}}");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		callback("facebook", session, "code", "AQDcode", "state", consent.get("state"));

		assertThat(status(id)).isEqualTo("VALID");
	}


	@Test
	void refreshWhenAnInvalidationLandsWhileTheCallbackIsAtFacebookThenOneWholeOutcome() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		facebookAnswers(externalId(id), "Jane Doe", "{\"data\":[],\"paging\":{}}");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);
		// while the callback waits for Facebook's list of ad accounts, another admin invalidates the token
		beforeAnswer.set(request -> {
			if (request.getUrl().startsWith("/v25.0/me/adaccounts")) {
				beforeAnswer.set(any -> {
				});
				invalidate(id);
			}
		});

		callback("facebook", session, "code", "AQDcode", "state", consent.get("state"));

		assertThat(this.jdbc.sql("select action from audit_event where account_id = ? and action like 'token_%' order by id")
			.param(id).query(String.class).list()).containsExactly("token_invalidated", "token_refreshed");
		Map<String, Object> row = this.jdbc.sql("""
				select status, status_reason, access_token_ciphertext is not null as has_token
				from account_token where account_id = ?""").param(id).query().singleRow();
		assertThat(row).containsEntry("status", "VALID").containsEntry("has_token", true);
		assertThat(row.get("status_reason")).isNull();
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(LONG_LIVED);
	}

	private void invalidate(long id) {
		try {
			this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/config/accounts/{id}/invalidate", id).param("reason", "USER_LEFT")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin@demo.test")));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
