package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenKind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * X Ads campaign management (docs/publishers.md, "X Ads campaigns and line items") for the sandbox's X
 * users, only for calls signed with OAuth 1.0a as the real Ads API demands (a Bearer token is refused with
 * code 32): one Ads account each, its campaigns and their line items (where X keeps the bids) in micros,
 * updates by PUT with query parameters, and the synchronous BILLING stats. Answers carry the Ads envelope
 * ({@code data}, {@code request}, {@code next_cursor}); errors the {@code errors} list. A parameter an
 * endpoint does not take (a campaign's {@code bid_amount_local_micro}, say) is a 400 {@code INVALID_PARAMETER}.
 */
@Component
@Profile("demo")
class SandboxXAds {

	private static final long MICROS_PER_CENT = 10_000;

	/** The parameters each endpoint takes (X's reference lists them); anything else is refused. */
	private static final Set<String> CAMPAIGNS_QUERY = Set.of("campaign_ids", "count", "cursor", "funding_instrument_ids",
			"q", "sort_by", "with_deleted", "with_draft", "with_total_count");

	private static final Set<String> LINE_ITEMS_QUERY = Set.of("campaign_ids", "count", "cursor", "funding_instrument_ids",
			"line_item_ids", "q", "sort_by", "with_deleted", "with_draft", "with_total_count");

	private static final Set<String> CAMPAIGN_UPDATE = Set.of("budget_optimization", "daily_budget_amount_local_micro",
			"entity_status", "name", "purchase_order_number", "standard_delivery", "total_budget_amount_local_micro");

	private static final Set<String> LINE_ITEM_UPDATE = Set.of("advertiser_domain", "advertiser_user_id",
			"android_app_store_identifier", "audience_expansion", "bid_amount_local_micro", "bid_strategy", "categories",
			"daily_budget_amount_local_micro", "duration_in_days", "end_time", "entity_status", "frequency_cap", "goal",
			"ios_app_store_identifier", "name", "pay_by", "start_time", "total_budget_amount_local_micro");

	/** X's word for a line item it bids for itself, ignoring {@code bid_amount_local_micro}. */
	static final String AUTOMATIC_BID = "AUTO";

	private final SandboxAuthority authority;

	private final SandboxCampaigns campaigns;

	private final Clock clock;

	SandboxXAds(SandboxAuthority authority, SandboxCampaigns campaigns, Clock clock) {
		this.authority = authority;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	ResponseEntity<Object> accounts(HttpServletRequest request) {
		Caller caller = caller(request);
		if (caller.refusal() != null) {
			return caller.refusal();
		}
		SandboxUser user = caller.user();
		return ok(this.campaigns.xAdAccounts(user.id())
			.stream()
			.map(id -> Map.<String, Object>of("id", id, "name", user.name() + " Ads", "approval_status", "ACCEPTED",
					"deleted", false))
			.toList(), Map.of());
	}

	ResponseEntity<Object> campaigns(HttpServletRequest request, String account, Map<String, String> params) {
		Caller caller = reader(request, account, params, CAMPAIGNS_QUERY);
		if (caller.refusal() != null) {
			return caller.refusal();
		}
		return ok(this.campaigns.deliver(Publisher.X, account).stream().map(SandboxXAds::json).toList(),
				Map.of("account_id", account));
	}

	/** {@code GET /12/accounts/{id}/line_items}, scoped by {@code campaign_ids} (at most 200) when given. */
	ResponseEntity<Object> lineItems(HttpServletRequest request, String account, Map<String, String> params) {
		Caller caller = reader(request, account, params, LINE_ITEMS_QUERY);
		if (caller.refusal() != null) {
			return caller.refusal();
		}
		List<String> ids = this.campaigns.list(Publisher.X, account).stream().map(SandboxCampaign::campaignId).toList();
		String scope = params.get("campaign_ids");
		if (scope != null) {
			List<String> wanted = Arrays.stream(scope.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
			if (wanted.size() > 200) {
				return invalid("campaign_ids", "Expected at most 200 campaign_ids", account);
			}
			ids = ids.stream().filter(wanted::contains).toList();
		}
		return ok(this.campaigns.adGroups(ids).stream().map(g -> lineItem(account, g)).toList(),
				Map.of("account_id", account));
	}

	ResponseEntity<Object> update(HttpServletRequest request, String account, String campaignId, Map<String, String> params) {
		Caller caller = caller(request);
		if (caller.refusal() != null) {
			return caller.refusal();
		}
		SandboxUser user = caller.user();
		Optional<SandboxCampaign> campaign = this.campaigns.find(Publisher.X, campaignId)
			.filter(c -> c.adAccountId().equals(account) && owns(user, account));
		if (campaign.isEmpty()) {
			return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "Campaign " + campaignId + " was not found", account);
		}
		Optional<ResponseEntity<Object>> refused = unknownParameter(params, CAMPAIGN_UPDATE, account);
		if (refused.isPresent()) {
			return refused.get();
		}
		String status = params.get("entity_status");
		if (status == null || !Set.of("ACTIVE", "PAUSED").contains(status)) {
			return invalid("entity_status", "Expected ACTIVE or PAUSED for entity_status", account);
		}
		this.campaigns.setStatus(Publisher.X, campaignId, status);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("data", json(this.campaigns.find(Publisher.X, campaignId).orElseThrow()), "request",
					Map.of("params", Map.of("account_id", account, "campaign_id", campaignId))));
	}

	/** {@code PUT /12/accounts/{id}/line_items/{id}}: its status or bid; an AUTO line item ignores a bid, as X says it does. */
	ResponseEntity<Object> updateLineItem(HttpServletRequest request, String account, String lineItemId,
			Map<String, String> params) {
		Caller caller = caller(request);
		if (caller.refusal() != null) {
			return caller.refusal();
		}
		SandboxUser user = caller.user();
		Optional<SandboxAdGroup> lineItem = this.campaigns.findAdGroup(lineItemId)
			.filter(g -> this.campaigns.find(Publisher.X, g.campaignId()).filter(c -> c.adAccountId().equals(account)).isPresent()
					&& owns(user, account));
		if (lineItem.isEmpty()) {
			return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "Line item " + lineItemId + " was not found", account);
		}
		Optional<ResponseEntity<Object>> refused = unknownParameter(params, LINE_ITEM_UPDATE, account);
		if (refused.isPresent()) {
			return refused.get();
		}
		String status = params.get("entity_status");
		String bidText = params.get("bid_amount_local_micro");
		Long bid = micros(bidText);
		if (status != null && !Set.of("ACTIVE", "PAUSED").contains(status)) {
			return invalid("entity_status", "Expected ACTIVE or PAUSED for entity_status", account);
		}
		if (bidText != null && bid == null) {
			return invalid("bid_amount_local_micro", "Expected a positive bid_amount_local_micro", account);
		}
		if (status != null) {
			this.campaigns.setAdGroupStatus(lineItemId, status);
		}
		if (bid != null && !lineItem.get().automaticBid()) {
			this.campaigns.setBid(lineItemId, Math.max(1, bid / MICROS_PER_CENT));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("data", lineItem(account, this.campaigns.findAdGroup(lineItemId).orElseThrow()), "request",
					Map.of("params", Map.of("account_id", account, "line_item_id", lineItemId))));
	}

	/** Today's billed spend per campaign; reading stats delivers nothing more. */
	ResponseEntity<Object> stats(HttpServletRequest request, String account, Map<String, String> params) {
		Caller caller = caller(request);
		if (caller.refusal() != null) {
			return caller.refusal();
		}
		SandboxUser user = caller.user();
		if (!owns(user, account) || !"CAMPAIGN".equals(params.get("entity"))) {
			return error(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "Expected entity CAMPAIGN of this account", account);
		}
		Set<String> wanted = Set.copyOf(Arrays.asList(params.getOrDefault("entity_ids", "").split(",")));
		List<Object> data = this.campaigns.list(Publisher.X, account)
			.stream()
			.filter(c -> wanted.contains(c.campaignId()))
			.map(c -> (Object) Map.of("id", c.campaignId(), "id_data", List.of(Map.of("metrics",
					Map.of("billed_charge_local_micro", List.of(c.spendCents() * MICROS_PER_CENT))))))
			.toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data_type", "stats");
		body.put("time_series_length", 1);
		body.put("data", data);
		body.put("request", Map.of("params", Map.of("account_id", account)));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/** Who signed a request, or X's refusal of it; exactly one of the two is set. */
	private record Caller(SandboxUser user, ResponseEntity<Object> refusal) {
	}

	/**
	 * Every endpoint starts here: the signature first ({@code 401} code 32 for Bearer or a bad signature, 89 for a
	 * token never issued), then whether the signed token is still a live access token (UNAUTHORIZED_ACCESS).
	 */
	/** A read of one ad account: {@link #caller}, then the account must be the caller's, then only known parameters. */
	private Caller reader(HttpServletRequest request, String account, Map<String, String> params, Set<String> accepted) {
		Caller caller = caller(request);
		if (caller.refusal() != null) {
			return caller;
		}
		if (!owns(caller.user(), account)) {
			return new Caller(null, error(HttpStatus.NOT_FOUND, "NOT_FOUND", "Account " + account + " was not found", account));
		}
		return unknownParameter(params, accepted, account).map(refused -> new Caller(null, refused)).orElse(caller);
	}

	private Caller caller(HttpServletRequest request) {
		XSignatures.Verification signed = XSignatures.verify(request, this.clock, this.authority::tokenSecret);
		if (!signed.ok()) {
			return new Caller(null, SandboxXApi.refused(signed));
		}
		TokenState state = this.authority.lookup(Publisher.X, signed.signed().token());
		return state.valid() && state.kind() == TokenKind.ACCESS ? new Caller(state.user(), null)
				: new Caller(null, unauthorized());
	}

	private boolean owns(SandboxUser user, String account) {
		return this.campaigns.xAdAccounts(user.id()).contains(account);
	}

	/** The first parameter the endpoint does not take, as X refuses it. */
	private static Optional<ResponseEntity<Object>> unknownParameter(Map<String, String> params, Set<String> accepted,
			String account) {
		return params.keySet()
			.stream()
			.filter(name -> !accepted.contains(name))
			.sorted()
			.findFirst()
			.map(name -> invalid(name, name + " is not a parameter of this endpoint", account));
	}

	private static ResponseEntity<Object> invalid(String parameter, String message, String account) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("code", "INVALID_PARAMETER");
		detail.put("message", message);
		detail.put("parameter", parameter);
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(detail), "request", Map.of("params", Map.of("account_id", account))));
	}

	private static Map<String, Object> lineItem(String account, SandboxAdGroup lineItem) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", lineItem.adGroupId());
		json.put("account_id", account);
		json.put("campaign_id", lineItem.campaignId());
		json.put("name", lineItem.name());
		json.put("entity_status", lineItem.status());
		json.put("objective", "ENGAGEMENTS");
		json.put("product_type", "PROMOTED_TWEETS");
		json.put("placements", List.of("ALL_ON_TWITTER"));
		json.put("bid_strategy", lineItem.automaticBid() ? AUTOMATIC_BID : "MAX");
		json.put("bid_amount_local_micro", lineItem.automaticBid() ? null : lineItem.bidCents() * MICROS_PER_CENT);
		json.put("currency", "USD");
		json.put("deleted", false);
		return json;
	}

	private static Map<String, Object> json(SandboxCampaign campaign) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", campaign.campaignId());
		json.put("account_id", campaign.adAccountId());
		json.put("name", campaign.name());
		json.put("entity_status", campaign.status());
		json.put("daily_budget_amount_local_micro", campaign.dailyBudgetCents() * MICROS_PER_CENT);
		json.put("currency", "USD");
		json.put("deleted", false);
		return json;
	}

	private static ResponseEntity<Object> ok(List<?> data, Map<String, Object> params) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("request", Map.of("params", params));
		body.put("next_cursor", null);
		body.put("data", data);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static ResponseEntity<Object> unauthorized() {
		return error(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED_ACCESS", "This request is not properly authenticated", null);
	}

	private static ResponseEntity<Object> error(HttpStatus status, String code, String message, String account) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(Map.of("code", code, "message", message)), "request",
					Map.of("params", account == null ? Map.of() : Map.of("account_id", account))));
	}

	private static Long micros(String text) {
		try {
			long value = text == null ? 0 : Long.parseLong(text.trim());
			return value > 0 ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
