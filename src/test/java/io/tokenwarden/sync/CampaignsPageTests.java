package io.tokenwarden.sync;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The Campaigns page shows each campaign with its ad sets (Facebook) or line items (X) and their bids. */
class CampaignsPageTests extends SyncTestSupport {

	@Test
	void campaignsPageWhenFacebookThenEachCampaignWithItsAdSetsAndTheirBidsOrAutomatic() throws Exception {
		String id = campaignId();
		Account account = facebookAccount("""
				[{"id":"%s","name":"Summer Sale","status":"ACTIVE","daily_budget":"8000",
				  "insights":{"data":[{"spend":"4.00"}]},
				  "adsets":{"data":[
				    {"id":"%s01","name":"Broad 18-65","status":"ACTIVE","bid_amount":175,"bid_strategy":"LOWEST_COST_WITH_BID_CAP"},
				    {"id":"%s02","name":"Lookalike 1%%","status":"PAUSED","bid_strategy":"LOWEST_COST_WITHOUT_CAP"}]}}]"""
			.formatted(id, id, id));

		syncNow(account.id());

		String page = HtmlUtils.htmlUnescape(page("viewer@demo.test", "/config/accounts/{id}/campaigns", account.id()));
		assertThat(page).contains("Ad sets and bids", "Summer Sale", "Broad 18-65", "1.75", "Lookalike 1%", "automatic",
				"data-ad-group-id=\"" + id + "01\"", "Paused").doesNotContain("Line items and bids");
		assertThat(this.jdbc.sql("select count(*) from campaign_ad_group where account_id = ? and bid is null")
			.param(account.id()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void campaignsPageWhenXThenEachCampaignWithItsLineItemsAndTheirBids() throws Exception {
		TokenSecret token = TestData.secret();
		long accountId = this.data.account(Publisher.X, TestData.unique("Sync Bird"), token, TestData.secret(),
				"Northwind Agency");
		String adAccount = "18ce" + Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L), 36);
		stubX(adAccount);

		syncNow(accountId);

		String page = HtmlUtils.htmlUnescape(page("viewer@demo.test", "/config/accounts/{id}/campaigns", accountId));
		assertThat(page).contains("Line items and bids", "Launch", "Followers", "2.40", "Keywords", "automatic")
			.doesNotContain("Ad sets and bids");
	}

	/** X Ads answers one account with one campaign and its two line items; stats without spend. */
	private static void stubX(String adAccount) {
		String base = "/12/accounts/" + adAccount;
		publishers.stubFor(get(urlPathEqualTo("/12/accounts")).willReturn(okJson("""
				{"request":{"params":{}},"next_cursor":null,"data":[{"id":"%s","name":"Bird Ads","approval_status":"ACCEPTED"}]}"""
			.formatted(adAccount))));
		publishers.stubFor(get(urlPathEqualTo(base + "/campaigns")).willReturn(okJson("""
				{"request":{"params":{}},"next_cursor":null,"data":[{"id":"8wku2","name":"Launch","entity_status":"ACTIVE",
				 "daily_budget_amount_local_micro":50000000,"currency":"USD"}]}""")));
		publishers.stubFor(get(urlPathEqualTo(base + "/line_items")).willReturn(okJson("""
				{"request":{"params":{}},"next_cursor":null,"data":[
				 {"id":"itttx","campaign_id":"8wku2","name":"Followers","entity_status":"ACTIVE","bid_strategy":"MAX",
				  "bid_amount_local_micro":2400000},
				 {"id":"ittty","campaign_id":"8wku2","name":"Keywords","entity_status":"ACTIVE","bid_strategy":"AUTO",
				  "bid_amount_local_micro":null}]}""")));
		publishers.stubFor(get(urlPathEqualTo("/12/stats/accounts/" + adAccount)).willReturn(okJson("""
				{"data_type":"stats","time_series_length":1,"data":[],"request":{}}""")));
	}

}
