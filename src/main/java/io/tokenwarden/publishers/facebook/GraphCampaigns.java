package io.tokenwarden.publishers.facebook;

import io.tokenwarden.publishers.AdGroup;
import io.tokenwarden.publishers.Campaign;
import io.tokenwarden.publishers.CampaignStatus;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome.Refused;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.Json;
import io.tokenwarden.tokens.TokenSecret;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Marketing API campaigns: the list of an ad account with only the Campaign node's own fields, today's
 * spend from the {@code insights} edge and the bids from the {@code adsets} edge, both expanded inline
 * (one request per page of campaigns, not one per campaign: the Ads Management rate limit counts
 * calls); the status write on a campaign and the bid write on an ad set (docs/publishers.md,
 * "Campaigns, ad sets and bids"). Meta writes budgets and bids in the currency's smallest unit (cents)
 * and spend in units; currencies without cents (JPY) are not handled here.
 */
final class GraphCampaigns {

	/** The Ad Set node's fields Token Warden reads. */
	static final String AD_SET_FIELDS = "id,name,status,bid_amount,bid_strategy";

	/** The Campaign node's own fields (it has no {@code bid_amount}), and its two edges expanded. */
	static final String FIELDS = "id,name,status,effective_status,objective,daily_budget,lifetime_budget,"
			+ "insights.date_preset(today){spend},adsets.limit(100){" + AD_SET_FIELDS + "}";

	/** The ad set's bid strategy under which Meta sets the bid itself; its {@code bid_amount} means nothing. */
	static final String AUTOMATIC_BID = "LOWEST_COST_WITHOUT_CAP";

	private static final Pattern NODE_ID = Pattern.compile("[0-9]{1,30}");

	private final GraphApi graph;

	private final Clock clock;

	GraphCampaigns(GraphApi graph, Clock clock) {
		this.graph = graph;
		this.clock = clock;
	}

	List<Campaign> list(TokenSecret token, String adAccountId) {
		String account = GraphAssets.adAccountNode(adAccountId);
		HttpAnswer first = this.graph.get(account + "/campaigns", Map.of("fields", FIELDS, "limit", "100"), token);
		List<Campaign> campaigns = new ArrayList<>();
		for (JsonNode item : GraphPaging.rest(this.graph, MetaErrors.requireSuccess(first, this.clock), first, token,
				this.clock)) {
			if (Json.text(item, "id") != null) {
				campaigns.add(campaign(account, item, adSets(token, item, first)));
			}
		}
		return campaigns;
	}

	/** The campaign's ad sets: the expanded first page, then the edge's own pages while Meta says there are more. */
	private List<AdGroup> adSets(TokenSecret token, JsonNode campaign, HttpAnswer answer) {
		JsonNode expanded = campaign.get("adsets");
		if (expanded == null || !expanded.isObject()) {
			return List.of(); // Meta leaves an empty edge out of the expansion
		}
		String campaignId = Json.text(campaign, "id");
		return GraphPaging.rest(this.graph, expanded, answer, token, this.clock)
			.stream()
			.filter(item -> Json.text(item, "id") != null)
			.map(item -> adSet(campaignId, item))
			.toList();
	}

	private static AdGroup adSet(String campaignId, JsonNode item) {
		boolean automatic = AUTOMATIC_BID.equals(Json.text(item, "bid_strategy"));
		return new AdGroup(Json.text(item, "id"), campaignId, Json.text(item, "name"),
				CampaignStatus.of(Json.text(item, "status")), automatic ? null : cents(Json.text(item, "bid_amount")));
	}

	private static Campaign campaign(String account, JsonNode item, List<AdGroup> adSets) {
		JsonNode insights = item.path("insights").path("data");
		BigDecimal spend = insights.isArray() && !insights.isEmpty() ? decimal(Json.text(insights.get(0), "spend"))
				: BigDecimal.ZERO.setScale(2);
		return new Campaign(Json.text(item, "id"), account, Json.text(item, "name"),
				CampaignStatus.of(Json.text(item, "status")), cents(Json.text(item, "daily_budget")), spend, adSets);
	}

	void setStatus(TokenSecret token, String campaignId, CampaignStatus status) {
		if (!status.settable()) {
			throw new IllegalArgumentException("only ACTIVE or PAUSED can be set");
		}
		write(token, campaignId, Map.of("status", status.name()));
	}

	/** {@code POST /<adset-id>} with {@code bid_amount} in cents: the ad set is where Meta keeps the bid. */
	void setBid(TokenSecret token, String adSetId, BigDecimal bid) {
		if (bid == null || bid.signum() <= 0) {
			throw new IllegalArgumentException("a bid must be positive");
		}
		write(token, adSetId, Map.of("bid_amount", bid.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString()));
	}

	private void write(TokenSecret token, String nodeId, Map<String, String> fields) {
		if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
			throw new IllegalArgumentException("not a Meta campaign or ad set id");
		}
		HttpAnswer answer = this.graph.post(nodeId, fields, token);
		JsonNode json = MetaErrors.requireSuccess(answer, this.clock);
		if (!json.path("success").asBoolean(false)) {
			throw new PublisherException(new Refused(MetaErrors.evidence(answer).withDetail("change not confirmed")));
		}
	}

	private static BigDecimal cents(String value) {
		BigDecimal amount = decimal(value);
		return amount == null ? null : amount.movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal decimal(String value) {
		try {
			return value == null ? null : new BigDecimal(value.trim()).setScale(2, RoundingMode.HALF_UP);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
