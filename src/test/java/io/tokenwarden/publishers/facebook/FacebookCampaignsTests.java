package io.tokenwarden.publishers.facebook;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tokenwarden.publishers.AdGroup;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Campaign;
import io.tokenwarden.publishers.CampaignStatus;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.RateLimited;
import io.tokenwarden.publishers.PublisherOutcome.Refused;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tokenwarden.publishers.facebook.FacebookFixture.GRAPH;
import static io.tokenwarden.publishers.facebook.FacebookFixture.USER_TOKEN;
import static io.tokenwarden.publishers.facebook.FacebookFixture.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Facebook campaigns (Marketing API) against WireMock: the list with today's spend and its ad sets' bids,
 * the status write on a campaign and the bid write on an ad set.
 */
class FacebookCampaignsTests {

	private static final String ACCOUNT = "act_212551616838260";

	private static final String CAMPAIGNS = GRAPH + "/" + ACCOUNT + "/campaigns";

	private static final String CAMPAIGN = GRAPH + "/120330000000000001";

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
	void campaignsWhenPagedThenEveryCampaignWithBudgetTodaysSpendAndTheBidsOfItsAdSets() {
		String next = graph.baseUrl() + CAMPAIGNS + "?limit=1&after=QVFIUjFh";
		String moreAdSets = graph.baseUrl() + CAMPAIGN + "/adsets?fields=id%2Cname&limit=2&after=QWRTZXQy&access_token="
				+ USER_TOKEN.reveal();
		graph.stubFor(get(urlPathEqualTo(CAMPAIGNS)).withQueryParam("fields", equalTo(GraphCampaigns.FIELDS))
			.willReturn(okJson("""
					{"data":[{"id":"120330000000000001","name":"Spring Sale","status":"ACTIVE","daily_budget":"5000",
					  "insights":{"data":[{"spend":"12.34","date_start":"2025-07-03","date_stop":"2025-07-03"}]},
					  "adsets":{"data":[
					    {"id":"23850000000000011","name":"Broad 18-65","status":"ACTIVE","bid_amount":150,"bid_strategy":"LOWEST_COST_WITH_BID_CAP"},
					    {"id":"23850000000000012","name":"Lookalike","status":"PAUSED","bid_strategy":"LOWEST_COST_WITHOUT_CAP"}],
					   "paging":{"cursors":{"after":"QWRTZXQy"},"next":"%s"}}}],
					 "paging":{"cursors":{"after":"QVFIUjFh"},"next":"%s"}}""".formatted(moreAdSets, next))));
		graph.stubFor(get(urlPathEqualTo(CAMPAIGN + "/adsets")).withQueryParam("after", equalTo("QWRTZXQy")).willReturn(okJson("""
				{"data":[{"id":"23850000000000013","name":"Retargeting","status":"ACTIVE","bid_amount":"90",
				 "bid_strategy":"COST_CAP"}],"paging":{"cursors":{"before":"QWRTZXQz","after":"QWRTZXQz"}}}""")));
		graph.stubFor(get(urlPathEqualTo(CAMPAIGNS)).withQueryParam("after", equalTo("QVFIUjFh")).willReturn(okJson("""
				{"data":[{"id":"120330000000000002","name":"Brand","status":"PAUSED"},
				 {"id":"120330000000000003","name":"Old","status":"ARCHIVED","daily_budget":"1000"}],"paging":{}}""")));

		List<Campaign> campaigns = this.facebook.campaigns(HeldToken.of(USER_TOKEN), "212551616838260");

		assertThat(campaigns).extracting(Campaign::status)
			.containsExactly(CampaignStatus.ACTIVE, CampaignStatus.PAUSED, CampaignStatus.OTHER);
		Campaign sale = campaigns.get(0);
		assertThat(sale.adAccountId()).isEqualTo(ACCOUNT);
		assertThat(sale.dailyBudget()).isEqualByComparingTo("50.00");
		assertThat(sale.spendToday()).isEqualByComparingTo("12.34");
		assertThat(sale.adGroups()).extracting(AdGroup::id, AdGroup::campaignId, AdGroup::name, AdGroup::status)
			.containsExactly(tuple("23850000000000011", "120330000000000001", "Broad 18-65", CampaignStatus.ACTIVE),
					tuple("23850000000000012", "120330000000000001", "Lookalike", CampaignStatus.PAUSED),
					tuple("23850000000000013", "120330000000000001", "Retargeting", CampaignStatus.ACTIVE));
		assertThat(sale.adGroups().get(0).bid()).isEqualByComparingTo("1.50");
		assertThat(sale.adGroups().get(1).automaticBid()).isTrue();
		assertThat(sale.adGroups().get(2).bid()).isEqualByComparingTo("0.90");
		assertThat(campaigns.get(1).dailyBudget()).isNull();
		assertThat(campaigns.get(1).spendToday()).isEqualByComparingTo("0");
		assertThat(campaigns.get(1).adGroups()).isEmpty();
	}

	@Test
	void campaignsThenTheCampaignNodeIsAskedOnlyForItsOwnFieldsAndTheBidsComeFromItsAdSets() {
		String campaignLevel = GraphCampaigns.FIELDS.replaceAll("\\{[^{}]*\\}", "");

		assertThat(campaignLevel.split(",")).containsExactly("id", "name", "status", "effective_status", "objective",
				"daily_budget", "lifetime_budget", "insights.date_preset(today)", "adsets.limit(100)");
		assertThat(GraphCampaigns.FIELDS).endsWith("adsets.limit(100){id,name,status,bid_amount,bid_strategy}");
	}

	@Test
	void campaignsWhenTokenRefusedThenExpiredAndWhenMetaIsDownThenUnreachable() {
		graph.stubFor(get(urlPathEqualTo(CAMPAIGNS)).willReturn(aResponse().withStatus(400).withBody("""
				{"error":{"message":"Error validating access token: The session has been invalidated because the user changed their password.","type":"OAuthException","code":190,"error_subcode":460,"fbtrace_id":"Pw1"}}""")));
		PublisherException expired = failure(() -> this.facebook.campaigns(HeldToken.of(USER_TOKEN), ACCOUNT));
		graph.stubFor(get(urlPathEqualTo(CAMPAIGNS)).willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));
		PublisherException down = failure(() -> this.facebook.campaigns(HeldToken.of(USER_TOKEN), ACCOUNT));

		assertThat(expired.outcome()).isInstanceOf(Expired.class);
		assertThat(down.outcome()).isInstanceOf(Unreachable.class);
	}

	@Test
	void adAccountsThenTheIdsTheTokenSees() {
		graph.stubFor(get(urlPathEqualTo(GRAPH + "/me/adaccounts")).willReturn(okJson("""
				{"data":[{"id":"act_212551616838260","name":"Northwind Ads","user_tasks":["MANAGE"]},{"id":"act_3","name":"EU"}]}""")));

		assertThat(this.facebook.adAccounts(HeldToken.of(USER_TOKEN))).containsExactly(ACCOUNT, "act_3");
	}

	@Test
	void setCampaignStatusWhenPausedThenPostsStatusWithTheTokenInTheHeader() {
		graph.stubFor(post(urlPathEqualTo(CAMPAIGN)).withHeader("Authorization", equalTo("Bearer " + USER_TOKEN.reveal()))
			.willReturn(okJson("{\"success\":true}")));

		this.facebook.setCampaignStatus(HeldToken.of(USER_TOKEN), ACCOUNT, "120330000000000001", CampaignStatus.PAUSED);

		assertThat(form(graph.getAllServeEvents().get(0).getRequest())).containsExactly(java.util.Map.entry("status", "PAUSED"));
	}

	@Test
	void setBidThenBidAmountInCentsPostedToTheAdSet() {
		graph.stubFor(post(urlPathEqualTo(GRAPH + "/23850000000000011")).willReturn(okJson("{\"success\":true}")));

		this.facebook.setBid(HeldToken.of(USER_TOKEN), ACCOUNT, "23850000000000011", new BigDecimal("1.75"));

		assertThat(graph.getAllServeEvents().get(0).getRequest().getUrl()).startsWith(GRAPH + "/23850000000000011?");
		assertThat(form(graph.getAllServeEvents().get(0).getRequest())).containsEntry("bid_amount", "175");
	}

	@Test
	void setCampaignStatusWhenThrottledOrNotConfirmedThenClassified() {
		graph.stubFor(post(urlPathEqualTo(CAMPAIGN)).willReturn(aResponse().withStatus(400).withBody("""
				{"error":{"message":"User request limit reached","type":"OAuthException","code":17,"fbtrace_id":"R1"}}""")));
		PublisherException throttled = failure(() -> this.facebook.setCampaignStatus(HeldToken.of(USER_TOKEN), ACCOUNT,
				"120330000000000001", CampaignStatus.ACTIVE));
		graph.stubFor(post(urlPathEqualTo(CAMPAIGN)).willReturn(okJson("{\"success\":false}")));
		PublisherException unconfirmed = failure(() -> this.facebook.setCampaignStatus(HeldToken.of(USER_TOKEN), ACCOUNT,
				"120330000000000001", CampaignStatus.ACTIVE));

		assertThat(throttled.outcome()).isInstanceOf(RateLimited.class);
		assertThat(unconfirmed.outcome()).isInstanceOf(Refused.class);
	}

	@Test
	void writesWhenIdOrValueIsBadThenRejectedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.facebook.setCampaignStatus(HeldToken.of(USER_TOKEN), ACCOUNT,
				"../me/permissions", CampaignStatus.PAUSED));
		assertThatIllegalArgumentException().isThrownBy(() -> this.facebook.setCampaignStatus(HeldToken.of(USER_TOKEN), ACCOUNT,
				"120330000000000001", CampaignStatus.OTHER));
		assertThatIllegalArgumentException().isThrownBy(() -> this.facebook.setBid(HeldToken.of(USER_TOKEN), ACCOUNT,
				"120330000000000001", BigDecimal.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> this.facebook.campaigns(HeldToken.of(USER_TOKEN), "me"));
		assertThat(graph.getAllServeEvents()).isEmpty();
	}

}
