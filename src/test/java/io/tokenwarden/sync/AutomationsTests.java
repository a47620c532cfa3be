package io.tokenwarden.sync;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.tokenwarden.testsupport.FlashMessages;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Automations run after each import, write through the publisher, and log every action. */
class AutomationsTests extends SyncTestSupport {

	@Test
	void ruleAndAutoBidThenWrittenThroughThePublisherOnTheCampaignAndItsAdSetAndLogged() throws Exception {
		String slow = campaignId();
		String paused = campaignId();
		Account account = facebookAccount("[" + campaign(slow, "Slow", "ACTIVE", 10000, "10.00", 150) + ","
				+ campaign(paused, "Resting", "PAUSED", 10000, "5.00", 100) + "]");
		syncNow(account.id());
		add(account.id(), "kind", "RULE", "threshold", "20", "metric", "BUDGET_USED", "operator", "BELOW", "action", "RESUME",
				"campaignId", paused);
		add(account.id(), "kind", "AUTO_BID", "threshold", "50", "minBid", "1.00", "maxBid", "2.00", "step", "0.20",
				"campaignId", slow);

		syncNow(account.id());

		assertThat(campaignStatus(account.id(), paused)).isEqualTo("ACTIVE");
		publishers.verify(1, postRequestedFor(urlPathEqualTo(GRAPH + "/" + paused)).withRequestBody(equalTo("status=ACTIVE")));
		publishers.verify(1, postRequestedFor(urlPathEqualTo(GRAPH + "/" + adSetId(slow)))
			.withRequestBody(equalTo("bid_amount=170")));
		publishers.verify(0, postRequestedFor(urlPathEqualTo(GRAPH + "/" + slow)));
		assertThat(this.jdbc.sql("select bid from campaign_ad_group where account_id = ? and ad_group_id = ?")
			.params(account.id(), adSetId(slow)).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1.70");
		assertThat(actions(account.id())).isEqualTo(2);
		assertThat(page("viewer@demo.test", "/config/accounts/{id}/campaigns", account.id()))
			.contains("Resumed", "budget used 5% below 20%", "Bid changed", "bid 1.50 → 1.70", "ad set Slow ad set");
	}

	@Test
	void autoBidOnXThenTheLineItemWithItsOwnBidIsPutInMicrosAndTheAutomaticOneAndTheCampaignAreLeftAlone()
			throws Exception {
		long account = xAccount("5000000");
		syncNow(account);
		add(account, "kind", "AUTO_BID", "threshold", "30", "minBid", "1.00", "maxBid", "3.00", "step", "0.20");

		syncNow(account);

		publishers.verify(1, putRequestedFor(urlPathMatching("/12/accounts/[a-z0-9]+/line_items/itttx"))
			.withQueryParam("bid_amount_local_micro", equalTo("2600000")));
		publishers.verify(0, putRequestedFor(urlPathMatching("/12/accounts/[a-z0-9]+/line_items/ittty")));
		publishers.verify(0, putRequestedFor(urlPathMatching("/12/accounts/[a-z0-9]+/campaigns/.*")));
		assertThat(this.jdbc.sql("select bid from campaign_ad_group where account_id = ? and ad_group_id = 'itttx'")
			.param(account).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("2.60");
		assertThat(page("viewer@demo.test", "/config/accounts/{id}/campaigns", account))
			.contains("line item Followers", "bid 2.40 → 2.60");
	}

	@Test
	void automationWhenThePublisherRefusesThenFailedActionLoggedAndCampaignUnchanged() throws Exception {
		String campaign = campaignId();
		Account account = facebookAccount("[" + campaign(campaign, "Stubborn", "ACTIVE", 1000, "50.00", 100) + "]");
		publishers.stubFor(WireMock.post(urlPathEqualTo(GRAPH + "/" + campaign)).atPriority(1)
			.willReturn(aResponse().withStatus(400).withBody("""
					{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"fbtrace_id":"T1"}}""")));
		add(account.id(), "kind", "AUTOPAUSE", "threshold", "10");

		syncNow(account.id());

		assertThat(campaignStatus(account.id(), campaign)).isEqualTo("ACTIVE");
		assertThat(this.jdbc.sql("select outcome from automation_action where account_id = ?").param(account.id())
			.query(String.class).single()).isEqualTo("FAILED");
		assertThat(page("admin@demo.test", "/config/accounts/{id}/campaigns", account.id())).contains("refused by the publisher");
	}

	@Test
	void addWhenTheFormIsIncompleteThenClearMessageAndNothingStoredAndRemoveTakesItAway() throws Exception {
		Account account = facebookAccount("[]");

		MvcResult noCap = submit(account.id(), "kind", "AUTOPAUSE", "threshold", "lots");
		MvcResult badBid = submit(account.id(), "kind", "AUTO_BID", "threshold", "10", "minBid", "2", "maxBid", "1", "step", "0.1");
		MvcResult badRule = submit(account.id(), "kind", "RULE", "threshold", "10", "metric", "CLICKS");
		MvcResult foreign = submit(account.id(), "kind", "AUTOPAUSE", "threshold", "10", "campaignId", "999");

		assertThat(FlashMessages.error(noCap)).isEqualTo("automations.invalid.threshold");
		assertThat(FlashMessages.error(badBid)).isEqualTo("automations.invalid.bid");
		assertThat(FlashMessages.error(badRule)).isEqualTo("automations.invalid.rule");
		assertThat(FlashMessages.error(foreign)).isEqualTo("automations.invalid.campaign");
		assertThat(count(account.id())).isZero();

		add(account.id(), "kind", "AUTOPAUSE", "threshold", "10");
		long id = this.jdbc.sql("select id from automation where account_id = ?").param(account.id()).query(Long.class).single();
		postAs("admin@demo.test", post("/config/accounts/{id}/automations/{a}/delete", account.id(), id));
		assertThat(count(account.id())).isZero();
	}

	private void add(long accountId, String... fields) throws Exception {
		assertThat(FlashMessages.success(submit(accountId, fields))).isEqualTo("automations.added");
	}

	private MvcResult submit(long accountId, String... fields) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/config/accounts/{id}/automations", accountId);
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return postAs("admin@demo.test", request);
	}

	private long count(long accountId) {
		return this.jdbc.sql("select count(*) from automation where account_id = ?").param(accountId).query(Long.class).single();
	}

}
