package io.tokenwarden.publishers.x;

import io.tokenwarden.publishers.AdGroup;
import io.tokenwarden.publishers.Campaign;
import io.tokenwarden.publishers.CampaignStatus;
import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.Json;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * X Ads campaigns (docs/publishers.md, "X Ads campaigns and line items"): ad accounts, campaigns and their
 * line items (where X keeps the bids) read to the end of their {@code next_cursor}, today's spend from the
 * synchronous stats endpoint (BILLING, 20 campaigns a call), and updates by PUT: a campaign's status, a
 * line item's bid. X writes money in micros of the account's currency.
 */
final class XCampaigns {

	static final int MAX_PAGES = 50;

	/** X's limit on {@code entity_ids} per stats request. */
	static final int STATS_BATCH = 20;

	/** X's limit on {@code campaign_ids} per line items request. */
	static final int LINE_ITEMS_BATCH = 200;

	/** The line item's bid strategy under which X bids itself and ignores {@code bid_amount_local_micro}. */
	static final String AUTOMATIC_BID = "AUTO";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,40}");

	private final XApi api;

	private final Clock clock;

	XCampaigns(XApi api, Clock clock) {
		this.api = api;
		this.clock = clock;
	}

	List<String> adAccounts(HeldToken token) {
		return pages(token, "/12/accounts", Map.of("count", "1000")).stream()
			.map(item -> Json.text(item, "id"))
			.filter(id -> id != null)
			.toList();
	}

	List<Campaign> list(HeldToken token, String adAccountId) {
		requireId(adAccountId, "X Ads account");
		List<JsonNode> items = pages(token, "/12/accounts/" + adAccountId + "/campaigns", Map.of("count", "200"))
			.stream()
			.filter(item -> Json.text(item, "id") != null)
			.toList();
		List<String> ids = items.stream().map(item -> Json.text(item, "id")).toList();
		Map<String, BigDecimal> spend = spendToday(token, adAccountId, ids);
		Map<String, List<AdGroup>> lineItems = lineItems(token, adAccountId, ids);
		return items.stream()
			.map(item -> new Campaign(Json.text(item, "id"), adAccountId, Json.text(item, "name"),
					CampaignStatus.of(Json.text(item, "entity_status")), micros(Json.number(item, "daily_budget_amount_local_micro")),
					spend.getOrDefault(Json.text(item, "id"), BigDecimal.ZERO.setScale(2)),
					lineItems.getOrDefault(Json.text(item, "id"), List.of())))
			.toList();
	}

	/** The campaigns' line items by campaign id, 200 campaigns a request, each read to its last page. */
	private Map<String, List<AdGroup>> lineItems(HeldToken token, String adAccountId, List<String> campaignIds) {
		Map<String, List<AdGroup>> byCampaign = new HashMap<>();
		for (int from = 0; from < campaignIds.size(); from += LINE_ITEMS_BATCH) {
			List<String> batch = campaignIds.subList(from, Math.min(campaignIds.size(), from + LINE_ITEMS_BATCH));
			Map<String, String> query = new LinkedHashMap<>();
			query.put("campaign_ids", String.join(",", batch));
			query.put("count", "1000");
			for (JsonNode item : pages(token, "/12/accounts/" + adAccountId + "/line_items", query)) {
				String campaignId = Json.text(item, "campaign_id");
				if (Json.text(item, "id") != null && campaignId != null && !item.path("deleted").asBoolean(false)) {
					boolean automatic = AUTOMATIC_BID.equals(Json.text(item, "bid_strategy"));
					byCampaign.computeIfAbsent(campaignId, id -> new ArrayList<>())
						.add(new AdGroup(Json.text(item, "id"), campaignId, Json.text(item, "name"),
								CampaignStatus.of(Json.text(item, "entity_status")),
								automatic ? null : micros(Json.number(item, "bid_amount_local_micro"))));
				}
			}
		}
		return byCampaign;
	}

	void setStatus(HeldToken token, String adAccountId, String campaignId, CampaignStatus status) {
		if (!status.settable()) {
			throw new IllegalArgumentException("only ACTIVE or PAUSED can be set");
		}
		requireId(campaignId, "X campaign");
		update(token, adAccountId, "campaigns/" + campaignId, Map.of("entity_status", status.name()));
	}

	/** {@code PUT /12/accounts/<id>/line_items/<id>}: the line item is where X keeps the bid. */
	void setBid(HeldToken token, String adAccountId, String lineItemId, BigDecimal bid) {
		if (bid == null || bid.signum() <= 0) {
			throw new IllegalArgumentException("a bid must be positive");
		}
		requireId(lineItemId, "X line item");
		update(token, adAccountId, "line_items/" + lineItemId,
				Map.of("bid_amount_local_micro", bid.movePointRight(6).setScale(0, RoundingMode.HALF_UP).toPlainString()));
	}

	/** A PUT to {@code entity} ({@code campaigns/<id>}, {@code line_items/<id>}: ids checked by the caller). */
	private void update(HeldToken token, String adAccountId, String entity, Map<String, String> query) {
		requireId(adAccountId, "X Ads account");
		HttpAnswer answer = this.api.adsPut(token, "/12/accounts/" + adAccountId + "/" + entity, query);
		PublisherOutcome failure = XErrors.adsWriteFailure(answer, this.clock);
		if (failure != null) {
			throw new PublisherException(failure);
		}
	}

	private List<JsonNode> pages(HeldToken token, String path, Map<String, String> query) {
		List<JsonNode> items = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		String cursor = null;
		for (int page = 1; page <= MAX_PAGES; page++) {
			Map<String, String> withCursor = new LinkedHashMap<>(query);
			if (cursor != null) {
				withCursor.put("cursor", cursor);
			}
			JsonNode json = require(this.api.adsGet(token, path, withCursor));
			json.get("data").values().forEach(items::add);
			cursor = Json.text(json, "next_cursor");
			if (cursor == null) {
				return items;
			}
			if (!seen.add(cursor)) {
				break;
			}
		}
		throw new PublisherException(new Unreachable(Evidence.of(Publisher.X, "paging does not end")));
	}

	/** Billed spend since midnight UTC, by campaign id; campaigns without a figure spent nothing. */
	private Map<String, BigDecimal> spendToday(HeldToken token, String adAccountId, List<String> campaignIds) {
		Instant start = this.clock.instant().truncatedTo(ChronoUnit.DAYS);
		Map<String, BigDecimal> spend = new HashMap<>();
		for (int from = 0; from < campaignIds.size(); from += STATS_BATCH) {
			List<String> batch = campaignIds.subList(from, Math.min(campaignIds.size(), from + STATS_BATCH));
			Map<String, String> query = new LinkedHashMap<>();
			query.put("entity", "CAMPAIGN");
			query.put("entity_ids", String.join(",", batch));
			query.put("start_time", start.toString());
			query.put("end_time", start.plus(Duration.ofDays(1)).toString());
			query.put("granularity", "TOTAL");
			query.put("placement", "ALL_ON_TWITTER");
			query.put("metric_groups", "BILLING");
			for (JsonNode entity : require(this.api.adsGet(token, "/12/stats/accounts/" + adAccountId, query)).get("data").values()) {
				JsonNode charge = entity.path("id_data").path(0).path("metrics").path("billed_charge_local_micro").path(0);
				if (Json.text(entity, "id") != null && charge.isNumber()) {
					spend.put(Json.text(entity, "id"), micros(charge.asLong()));
				}
			}
		}
		return spend;
	}

	private JsonNode require(HttpAnswer answer) {
		PublisherOutcome failure = XErrors.adsFailure(answer, this.clock);
		if (failure != null) {
			throw new PublisherException(failure);
		}
		return answer.json();
	}

	private static BigDecimal micros(Long micros) {
		return micros == null ? null : BigDecimal.valueOf(micros).movePointLeft(6).setScale(2, RoundingMode.HALF_UP);
	}

	private static void requireId(String id, String what) {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("not an " + what + " id");
		}
	}

}
