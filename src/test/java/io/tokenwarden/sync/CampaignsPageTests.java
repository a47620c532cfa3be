package io.tokenwarden.sync;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

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
		long accountId = xAccount("0");

		syncNow(accountId);

		String page = HtmlUtils.htmlUnescape(page("viewer@demo.test", "/config/accounts/{id}/campaigns", accountId));
		assertThat(page).contains("Line items and bids", "Launch", "Followers", "2.40", "Keywords", "automatic")
			.doesNotContain("Ad sets and bids");
	}

}
