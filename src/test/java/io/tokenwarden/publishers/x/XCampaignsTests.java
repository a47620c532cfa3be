package io.tokenwarden.publishers.x;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tokenwarden.publishers.AdGroup;
import io.tokenwarden.publishers.Campaign;
import io.tokenwarden.publishers.CampaignStatus;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.RateLimited;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tokenwarden.publishers.x.XFixture.ACCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * X Ads campaigns against WireMock: accounts, campaigns with today's billed spend and their line items'
 * bids, status updates on campaigns and bid updates on line items.
 */
class XCampaignsTests {

	private static final String CAMPAIGNS = "/12/accounts/18ce54d4x5t/campaigns";

	private static final String STATS = "/12/stats/accounts/18ce54d4x5t";

	private static final String LINE_ITEMS = "/12/accounts/18ce54d4x5t/line_items";

	@RegisterExtension
	static WireMockExtension x = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final XPublisher publisher = XFixture.publisher(x);

	@AfterEach
	void noTokenInAnyUrl() {
		XFixture.assertJournalClean(x);
	}

	private static PublisherException failure(Runnable call) {
		return catchThrowableOfType(PublisherException.class, call::run);
	}

	@Test
	void adAccountsWhenCursoredThenEveryIdWithTheTokenInTheHeader() {
		x.stubFor(get(urlPathEqualTo("/12/accounts")).withQueryParam("cursor", absent())
			.withHeader("Authorization", containing("oauth_token=\"" + ACCESS.reveal() + "\""))
			.willReturn(okJson("{\"data\":[{\"id\":\"18ce54d4x5t\",\"name\":\"Northwind\",\"approval_status\":\"ACCEPTED\"}],\"next_cursor\":\"c-2\",\"request\":{}}")));
		x.stubFor(get(urlPathEqualTo("/12/accounts")).withQueryParam("cursor", equalTo("c-2"))
			.willReturn(okJson("{\"data\":[{\"id\":\"gq180y\",\"name\":\"Northwind EU\"}],\"next_cursor\":null,\"request\":{}}")));

		assertThat(this.publisher.adAccounts(XFixture.held())).containsExactly("18ce54d4x5t", "gq180y");
	}

	@Test
	void campaignsThenBudgetFromMicrosTodaysSpendFromTheBillingStatsAndBidsFromTheLineItems() {
		x.stubFor(get(urlPathEqualTo(CAMPAIGNS)).willReturn(okJson("""
				{"request":{"params":{"account_id":"18ce54d4x5t"}},"next_cursor":null,
				 "data":[{"id":"8wku2","name":"Launch","entity_status":"ACTIVE","daily_budget_amount_local_micro":50000000,
				   "currency":"USD"},
				  {"id":"9c2ks","name":"Draft","entity_status":"DRAFT","daily_budget_amount_local_micro":null}]}""")));
		x.stubFor(get(urlPathEqualTo(LINE_ITEMS)).withQueryParam("campaign_ids", equalTo("8wku2,9c2ks"))
			.withQueryParam("cursor", absent()).willReturn(okJson("""
				{"request":{"params":{"account_id":"18ce54d4x5t"}},"next_cursor":"li-2",
				 "data":[{"id":"itttx","campaign_id":"8wku2","name":"Followers","entity_status":"ACTIVE","bid_strategy":"MAX",
				   "bid_amount_local_micro":1500000,"currency":"USD","deleted":false},
				  {"id":"ittty","campaign_id":"8wku2","name":"Keywords","entity_status":"PAUSED","bid_strategy":"AUTO",
				   "bid_amount_local_micro":null,"currency":"USD","deleted":false}]}""")));
		x.stubFor(get(urlPathEqualTo(LINE_ITEMS)).withQueryParam("cursor", equalTo("li-2")).willReturn(okJson("""
				{"request":{"params":{"account_id":"18ce54d4x5t"}},"next_cursor":null,
				 "data":[{"id":"itttz","campaign_id":"8wku2","name":"Old","entity_status":"ACTIVE","bid_strategy":"MAX",
				   "bid_amount_local_micro":900000,"deleted":true}]}""")));
		x.stubFor(get(urlPathEqualTo(STATS)).withQueryParam("entity", equalTo("CAMPAIGN"))
			.withQueryParam("entity_ids", equalTo("8wku2,9c2ks")).withQueryParam("metric_groups", equalTo("BILLING"))
			.withQueryParam("start_time", equalTo("2025-10-09T00:00:00Z")).withQueryParam("end_time", equalTo("2025-10-10T00:00:00Z"))
			.willReturn(okJson("""
					{"data_type":"stats","time_series_length":1,"data":[{"id":"8wku2","id_data":[{"segment":null,
					 "metrics":{"billed_engagements":[120],"billed_charge_local_micro":[12340000]}}]},
					 {"id":"9c2ks","id_data":[{"segment":null,"metrics":{"billed_charge_local_micro":null}}]}],"request":{}}""")));

		List<Campaign> campaigns = this.publisher.campaigns(XFixture.held(), "18ce54d4x5t");

		assertThat(campaigns).extracting(Campaign::status).containsExactly(CampaignStatus.ACTIVE, CampaignStatus.OTHER);
		assertThat(campaigns.get(0).dailyBudget()).isEqualByComparingTo("50");
		assertThat(campaigns.get(0).adGroups()).extracting(AdGroup::id, AdGroup::campaignId, AdGroup::name, AdGroup::status)
			.containsExactly(tuple("itttx", "8wku2", "Followers", CampaignStatus.ACTIVE),
					tuple("ittty", "8wku2", "Keywords", CampaignStatus.PAUSED));
		assertThat(campaigns.get(0).adGroups().get(0).bid()).isEqualByComparingTo("1.50");
		assertThat(campaigns.get(0).adGroups().get(1).automaticBid()).isTrue();
		assertThat(campaigns.get(1).adGroups()).isEmpty();
		assertThat(campaigns.get(0).spendToday()).isEqualByComparingTo("12.34");
		assertThat(campaigns.get(1).spendToday()).isEqualByComparingTo("0");
		assertThat(campaigns.get(1).dailyBudget()).isNull();
	}

	@Test
	void setCampaignStatusThenPutOnTheCampaignAndSetBidThenPutOnTheLineItemInMicros() {
		x.stubFor(put(urlPathEqualTo(CAMPAIGNS + "/8wku2"))
			.willReturn(okJson("{\"data\":{\"id\":\"8wku2\",\"entity_status\":\"PAUSED\"},\"request\":{}}")));
		x.stubFor(put(urlPathEqualTo(LINE_ITEMS + "/itttx"))
			.willReturn(okJson("{\"data\":{\"id\":\"itttx\",\"bid_amount_local_micro\":2250000},\"request\":{}}")));

		this.publisher.setCampaignStatus(XFixture.held(), "18ce54d4x5t", "8wku2", CampaignStatus.PAUSED);
		this.publisher.setBid(XFixture.held(), "18ce54d4x5t", "itttx", new BigDecimal("2.25"));

		var requests = XFixture.requests(x);
		assertThat(requests.get(0).queryParameter("entity_status").firstValue()).isEqualTo("PAUSED");
		assertThat(requests.get(1).getUrl()).startsWith(LINE_ITEMS + "/itttx?");
		assertThat(requests.get(1).queryParameter("bid_amount_local_micro").firstValue()).isEqualTo("2250000");
		// a PUT's parameters travel in its query, so they are signed with it
		assertThat(XFixture.oauth(requests.get(1))).containsEntry("oauth_token", ACCESS.reveal());
	}

	@Test
	void campaignsWhenAdsApiIsDownThrottledOrRefusesTheTokenThenUnreachableRateLimitedOrExpired() {
		x.stubFor(get(urlPathEqualTo(CAMPAIGNS)).willReturn(aResponse().withStatus(503).withHeader("retry-after", "60")
			.withBody("{\"errors\":[{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"Service unavailable\"}]}")));
		PublisherException down = failure(() -> this.publisher.campaigns(XFixture.held(), "18ce54d4x5t"));
		x.stubFor(get(urlPathEqualTo(CAMPAIGNS)).willReturn(aResponse().withStatus(429)
			.withBody("{\"errors\":[{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Rate limit exceeded\"}]}")));
		PublisherException throttled = failure(() -> this.publisher.campaigns(XFixture.held(), "18ce54d4x5t"));
		x.stubFor(put(urlPathEqualTo(CAMPAIGNS + "/8wku2")).willReturn(aResponse().withStatus(401)
			.withBody("{\"errors\":[{\"code\":\"UNAUTHORIZED_ACCESS\",\"message\":\"This request is not properly authenticated\"}]}")));
		PublisherException refused = failure(() -> this.publisher.setCampaignStatus(XFixture.held(), "18ce54d4x5t", "8wku2",
				CampaignStatus.ACTIVE));

		assertThat(down.outcome()).isInstanceOf(Unreachable.class);
		assertThat(throttled.outcome()).isInstanceOf(RateLimited.class);
		// OAuth 1.0a: the Ads API refusing the signed token means the token is revoked
		assertThat(refused.outcome()).isInstanceOf(Expired.class);
	}

	@Test
	void updateWhenAnswerHasNoEntityThenUnreachable() {
		x.stubFor(put(urlPathEqualTo(CAMPAIGNS + "/8wku2")).willReturn(okJson("{\"data\":[],\"request\":{}}")));

		assertThat(failure(() -> this.publisher.setCampaignStatus(XFixture.held(), "18ce54d4x5t", "8wku2", CampaignStatus.PAUSED))
			.outcome()).isInstanceOf(Unreachable.class);
	}

	@Test
	void writesWhenIdsAreNotIdsThenRejectedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.campaigns(XFixture.held(), "18ce/../x"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.setCampaignStatus(XFixture.held(), "18ce54d4x5t",
				"8wku2?x=1", CampaignStatus.PAUSED));
		assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.setBid(XFixture.held(), "18ce54d4x5t", "8wku2",
				new BigDecimal("-1")));
		assertThat(x.getAllServeEvents()).isEmpty();
	}

}
