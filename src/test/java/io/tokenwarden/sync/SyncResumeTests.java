package io.tokenwarden.sync;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.refresh.TokenRefreshed;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** After a refresh, sync resumes at once: a catch-up import clears the stale marker and the automations run again. */
class SyncResumeTests extends SyncTestSupport {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void refreshThroughConsentThenCatchUpImportResumesAndTheStaleMarkerClears() throws Exception {
		String campaign = campaignId();
		Account account = facebookAccount("[" + campaign(campaign, "Autumn", "ACTIVE", 4000, "5.00", 100) + "]");
		syncNow(account.id());
		postAs("admin@demo.test", post("/config/accounts/{id}/invalidate", account.id()).param("reason", "USER_LEFT"));
		Instant invalidatedAfter = state(account.id()).lastSuccessAt();
		assertThat(accountsList(account.id())).contains("Data may be stale since");

		TokenSecret refreshed = TokenSecret.of("EAAJ5xREFRESHED" + TestData.unique("").trim());
		stubFacebook(account, refreshed, "[" + campaign(campaign, "Autumn", "PAUSED", 4000, "6.50", 100) + "]");
		refreshThroughConsent(account, refreshed);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			SyncState state = state(account.id());
			assertThat(state.lastSuccessAt()).isAfter(invalidatedAfter);
			assertThat(state.lastError()).isNull();
		});
		assertThat(this.tokens.find(account.id()).orElseThrow().status()).isEqualTo(TokenStatus.VALID);
		assertThat(campaignStatus(account.id(), campaign)).isEqualTo("PAUSED");
		assertThat(accountsList(account.id())).doesNotContain("Data may be stale since");
		assertThat(page("admin@demo.test", "/config/accounts/{id}/campaigns", account.id()))
			.doesNotContain("Sync paused", "Data may be stale").contains("6.50");
	}

	@Test
	void automationsWhenTokenExpiredThenSkippedWithoutCallsAndAfterARefreshTheyRunAgain() throws Exception {
		String campaign = campaignId();
		Account account = facebookAccount("[" + campaign(campaign, "Flash Sale", "ACTIVE", 5000, "30.00", 100) + "]");
		syncNow(account.id());
		this.tokens.changeStatus(account.id(), TokenStatus.EXPIRED, "PASSWORD_CHANGED", null, "test");
		addAutopause(account.id(), "20");
		publishers.resetRequests();

		this.sync.catchUp(account.id());
		this.sync.runRound();

		assertThat(callsWith(account.token())).isEmpty();
		assertThat(actions(account.id())).isZero();
		assertThat(campaignStatus(account.id(), campaign)).isEqualTo("ACTIVE");

		TokenSecret refreshed = TestData.secret();
		stubFacebook(account, refreshed, "[" + campaign(campaign, "Flash Sale", "ACTIVE", 5000, "31.00", 100) + "]");
		this.transactions.executeWithoutResult(tx -> {
			this.tokens.store(account.id(), new NewToken(refreshed, null, Instant.now().plus(Duration.ofDays(60)), null,
					"ads_management"), "admin@demo.test");
			this.events.publishEvent(new TokenRefreshed(account.id(), Publisher.FACEBOOK, TokenStatus.EXPIRED,
					"admin@demo.test", 1, Instant.now()));
		});

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(actions(account.id())).isEqualTo(1));
		assertThat(campaignStatus(account.id(), campaign)).isEqualTo("PAUSED");
		publishers.verify(1, postRequestedFor(urlPathEqualTo(GRAPH + "/" + campaign))
			.withHeader("Authorization", equalTo("Bearer " + refreshed.reveal()))
			.withRequestBody(equalTo("status=PAUSED")));
		assertThat(page("admin@demo.test", "/config/accounts/{id}/campaigns", account.id()))
			.contains("Autopause (automation #", "spend today 31.00 passed the cap 20.00");
	}

	private void addAutopause(long accountId, String cap) throws Exception {
		MvcResult added = postAs("admin@demo.test", post("/config/accounts/{id}/automations", accountId)
			.param("kind", "AUTOPAUSE").param("campaignId", "").param("threshold", cap));
		assertThat(FlashMessages.success(added)).isEqualTo("automations.added");
	}

	private String accountsList(long accountId) throws Exception {
		String name = this.jdbc.sql("select name from publisher_account where id = ?").param(accountId).query(String.class).single();
		return this.mvc.perform(get("/config/accounts").param("q", name).with(user("manager@demo.test")))
			.andReturn().getResponse().getContentAsString();
	}

	/** Refresh icon, Meta's consent (imitated), and the callback, as the refresh tests do it. */
	private void refreshThroughConsent(Account account, TokenSecret newToken) throws Exception {
		String externalId = this.jdbc.sql("select external_id from publisher_account where id = ?")
			.param(account.id()).query(String.class).single();
		publishers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(GRAPH + "/oauth/access_token"))
			.withRequestBody(containing("code="))
			.willReturn(okJson("{\"access_token\":\"EAAJ5xSHORTlived\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
		publishers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(GRAPH + "/oauth/access_token"))
			.withRequestBody(containing("fb_exchange_token"))
			.willReturn(okJson("{\"access_token\":\"" + newToken.reveal() + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
		publishers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(GRAPH + "/me"))
			.willReturn(okJson("{\"id\":\"" + externalId + "\",\"name\":\"Jane Doe\"}")));
		publishers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(GRAPH + "/"))
			.willReturn(okJson("[{\"code\":200,\"headers\":[],\"body\":"
					+ "\"{\\\"data\\\":{\\\"app_id\\\":\\\"138483919580948\\\",\\\"type\\\":\\\"USER\\\",\\\"is_valid\\\":true,"
					+ "\\\"expires_at\\\":4102444800,\\\"scopes\\\":[\\\"ads_management\\\"],\\\"user_id\\\":\\\"" + externalId
					+ "\\\"}}\"}]")));
		publishers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(GRAPH + "/me/accounts"))
			.willReturn(okJson("{\"data\":[],\"paging\":{}}")));
		WebSession session = new WebSession(this.mvc, "admin@demo.test");
		MvcResult start = session.perform(post("/config/accounts/{id}/refresh", account.id()).with(csrf()));
		String state = UriComponentsBuilder.fromUri(URI.create(start.getResponse().getRedirectedUrl())).build()
			.getQueryParams().getFirst("state");
		MvcResult back = session.perform(get("/login/oauth2/code/facebook").param("code", "AQDcode")
			.param("state", java.net.URLDecoder.decode(state, java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(FlashMessages.success(back)).isEqualTo("refresh.done");
	}

}
