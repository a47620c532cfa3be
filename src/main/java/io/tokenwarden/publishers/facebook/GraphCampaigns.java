package io.tokenwarden.publishers.facebook;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Marketing API campaigns: the list of an ad account with today's spend from the {@code insights} edge
 * expanded inline, and the status and bid writes. Meta writes budgets and bids in the currency's
 * smallest unit (cents) and spend in units; currencies without cents (JPY) are not handled here.
 */
final class GraphCampaigns {

	static final String FIELDS = "id,name,status,daily_budget,bid_amount,insights.date_preset(today){spend}";

	private static final Pattern CAMPAIGN_ID = Pattern.compile("[0-9]{1,30}");

	private final GraphApi graph;

	private final Clock clock;

	GraphCampaigns(GraphApi graph, Clock clock) {
		this.graph = graph;
		this.clock = clock;
	}

	List<Campaign> list(TokenSecret token, String adAccountId) {
		String account = GraphAssets.adAccountNode(adAccountId);
		return GraphPaging.items(this.graph, account + "/campaigns", Map.of("fields", FIELDS, "limit", "100"), token,
				this.clock)
			.stream()
			.filter(item -> Json.text(item, "id") != null)
			.map(item -> campaign(account, item))
			.toList();
	}

	private static Campaign campaign(String account, JsonNode item) {
		JsonNode insights = item.path("insights").path("data");
		BigDecimal spend = insights.isArray() && !insights.isEmpty() ? decimal(Json.text(insights.get(0), "spend"))
				: BigDecimal.ZERO.setScale(2);
		return new Campaign(Json.text(item, "id"), account, Json.text(item, "name"),
				CampaignStatus.of(Json.text(item, "status")), cents(Json.text(item, "daily_budget")), spend,
				cents(Json.text(item, "bid_amount")));
	}

	void setStatus(TokenSecret token, String campaignId, CampaignStatus status) {
		if (!status.settable()) {
			throw new IllegalArgumentException("only ACTIVE or PAUSED can be set");
		}
		write(token, campaignId, Map.of("status", status.name()));
	}

	void setBid(TokenSecret token, String campaignId, BigDecimal bid) {
		if (bid == null || bid.signum() <= 0) {
			throw new IllegalArgumentException("a bid must be positive");
		}
		write(token, campaignId, Map.of("bid_amount", bid.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString()));
	}

	private void write(TokenSecret token, String campaignId, Map<String, String> fields) {
		if (campaignId == null || !CAMPAIGN_ID.matcher(campaignId).matches()) {
			throw new IllegalArgumentException("not a Meta campaign id");
		}
		HttpAnswer answer = this.graph.post(campaignId, fields, token);
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
