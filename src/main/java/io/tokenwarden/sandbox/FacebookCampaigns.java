package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Marketing API campaigns and ad sets, where Meta keeps the bids: {@code GET act_{id}/campaigns} (paged,
 * today's {@code insights} and the {@code adsets} expanded when asked), {@code GET {campaign-id}/adsets},
 * and {@code POST {id}}: a campaign takes {@code status}, an ad set {@code status} or {@code bid_amount}.
 * A campaign asked for, or given, an ad set's field is refused as Graph refuses it.
 */
@Component
@Profile("demo")
class FacebookCampaigns {

	/** Meta's bid strategy for an ad set it bids for itself. */
	static final String AUTOMATIC_BID = "LOWEST_COST_WITHOUT_CAP";

	/** The parameters a POST may carry besides the fields it writes. */
	private static final Set<String> CREDENTIALS = Set.of("access_token", "appsecret_proof");

	private static final Set<String> CAMPAIGN_WRITES = Set.of("status", "name", "daily_budget", "lifetime_budget",
			"spend_cap", "bid_strategy");

	private static final Set<String> AD_SET_WRITES = Set.of("status", "name", "bid_amount", "daily_budget",
			"lifetime_budget", "bid_strategy");

	private final SandboxCampaigns campaigns;

	private final SandboxDirectory directory;

	private final Clock clock;

	FacebookCampaigns(SandboxCampaigns campaigns, SandboxDirectory directory, Clock clock) {
		this.campaigns = campaigns;
		this.directory = directory;
		this.clock = clock;
	}

	GraphAnswer list(GraphCall call, String node, TokenState state) {
		String account = node.substring("act_".length());
		if (!sees(state, account)) {
			return GraphAnswer.error(GraphError.noSuchObject(call.method(), node));
		}
		return FacebookGraph.selected("Campaign", call, fields -> {
			// one read of the list delivers once, however many pages it takes
			List<SandboxCampaign> delivered = call.param("after") == null && call.param("before") == null
					? this.campaigns.deliver(Publisher.FACEBOOK, node) : this.campaigns.list(Publisher.FACEBOOK, node);
			Map<String, List<SandboxAdGroup>> adSets = this.campaigns
				.adGroups(delivered.stream().map(SandboxCampaign::campaignId).toList())
				.stream()
				.collect(Collectors.groupingBy(SandboxAdGroup::campaignId));
			List<Map<String, Object>> items = delivered.stream()
				.map(campaign -> fields.select(json(campaign, fields, adSets.getOrDefault(campaign.campaignId(), List.of()),
						call)))
				.toList();
			return GraphAnswer.ok(GraphPages.paged(call, node, "campaigns", items));
		});
	}

	/** {@code GET {campaign-id}/adsets}: the edge itself, where an expansion's {@code paging.next} leads. */
	GraphAnswer adSets(GraphCall call, String campaignId, TokenState state) {
		Optional<SandboxCampaign> campaign = visible(campaignId, state);
		if (campaign.isEmpty()) {
			return GraphAnswer.error(GraphError.noSuchObject(call.method(), campaignId));
		}
		return FacebookGraph.selected("AdSet", call, fields -> GraphAnswer.ok(GraphPages.paged(call, campaignId, "adsets",
				this.campaigns.adGroups(List.of(campaignId)).stream().map(a -> fields.select(adSet(campaign.get(), a))).toList())));
	}

	/** {@code POST {id}}: a campaign's status, or an ad set's status and bid. */
	GraphAnswer write(GraphCall call, String nodeId, TokenState state) {
		Optional<SandboxCampaign> campaign = visible(nodeId, state);
		if (campaign.isPresent()) {
			return writeCampaign(call, nodeId);
		}
		Optional<SandboxAdGroup> adSet = this.campaigns.findAdGroup(nodeId)
			.filter(a -> visible(a.campaignId(), state).isPresent());
		if (adSet.isPresent()) {
			return writeAdSet(call, adSet.get());
		}
		return GraphAnswer.error(GraphError.noSuchObject(call.method(), nodeId));
	}

	private GraphAnswer writeCampaign(GraphCall call, String campaignId) {
		Optional<GraphError> refused = unknownParameter(call, CAMPAIGN_WRITES, "Campaign");
		if (refused.isPresent()) {
			return GraphAnswer.error(refused.get());
		}
		String status = call.param("status");
		if (status == null) {
			return GraphAnswer.error(GraphError.parameter("(#100) No field to update"));
		}
		if (!status.equals("ACTIVE") && !status.equals("PAUSED")) {
			return GraphAnswer.error(GraphError.parameter("(#100) Param status must be one of {ACTIVE, PAUSED}"));
		}
		this.campaigns.setStatus(Publisher.FACEBOOK, campaignId, status);
		return GraphAnswer.ok(Map.of("success", true));
	}

	private GraphAnswer writeAdSet(GraphCall call, SandboxAdGroup adSet) {
		Optional<GraphError> refused = unknownParameter(call, AD_SET_WRITES, "AdSet");
		if (refused.isPresent()) {
			return GraphAnswer.error(refused.get());
		}
		String status = call.param("status");
		String bid = call.param("bid_amount");
		if (status == null && bid == null) {
			return GraphAnswer.error(GraphError.parameter("(#100) No field to update"));
		}
		if (status != null && !status.equals("ACTIVE") && !status.equals("PAUSED")) {
			return GraphAnswer.error(GraphError.parameter("(#100) Param status must be one of {ACTIVE, PAUSED}"));
		}
		Long cents = bid == null ? null : cents(bid);
		if (bid != null && cents == null) {
			return GraphAnswer.error(GraphError.parameter("(#100) Param bid_amount must be a positive integer"));
		}
		if (cents != null && adSet.automaticBid()) {
			return GraphAnswer.error(GraphError.parameter(
					"(#100) bid_amount can't be set on an ad set whose bid_strategy is " + AUTOMATIC_BID));
		}
		if (status != null) {
			this.campaigns.setAdGroupStatus(adSet.adGroupId(), status);
		}
		if (cents != null) {
			this.campaigns.setBid(adSet.adGroupId(), cents);
		}
		return GraphAnswer.ok(Map.of("success", true));
	}

	/** A parameter the node type cannot be given (a campaign's {@code bid_amount}, say): refused before anything changes. */
	private static Optional<GraphError> unknownParameter(GraphCall call, Set<String> writable, String type) {
		return call.params()
			.keySet()
			.stream()
			.filter(name -> !writable.contains(name) && !CREDENTIALS.contains(name))
			.sorted()
			.findFirst()
			.map(name -> GraphError.parameter("(#100) Tried accessing nonexisting field (" + name + ") on node type ("
					+ type + ")"));
	}

	private Optional<SandboxCampaign> visible(String campaignId, TokenState state) {
		return this.campaigns.find(Publisher.FACEBOOK, campaignId)
			.filter(c -> sees(state, c.adAccountId().substring("act_".length())));
	}

	private boolean sees(TokenState state, String accountId) {
		return this.directory.adAccounts(state.user().id(), state.level())
			.stream()
			.anyMatch(account -> account.accountId().equals(accountId));
	}

	/** The campaign's fields; its edges only when the request expands them, paged as the request asks. */
	private Map<String, Object> json(SandboxCampaign campaign, GraphFields.Requested fields, List<SandboxAdGroup> adSets,
			GraphCall call) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", campaign.campaignId());
		json.put("account_id", campaign.adAccountId().substring("act_".length()));
		json.put("name", campaign.name());
		json.put("status", campaign.status());
		json.put("effective_status", campaign.status());
		json.put("configured_status", campaign.status());
		json.put("objective", "OUTCOME_TRAFFIC");
		json.put("daily_budget", String.valueOf(campaign.dailyBudgetCents()));
		json.put("lifetime_budget", "0");
		json.put("buying_type", "AUCTION");
		String today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toString();
		json.put("insights", Map.of("data", List.of(Map.of("spend",
				BigDecimal.valueOf(campaign.spendCents(), 2).toPlainString(), "date_start", today, "date_stop", today))));
		fields.field("adsets").filter(GraphFields.Field::expanded).ifPresent(expansion -> {
			if (!adSets.isEmpty()) { // Graph leaves an empty edge out
				GraphCall edge = new GraphCall("GET", campaign.campaignId() + "/adsets",
						Map.of("fields", expansion.nestedText(), "limit", String.valueOf(expansion.limit(25))), call.bearer(),
						call.baseUrl());
				json.put("adsets", GraphPages.paged(edge, campaign.campaignId(), "adsets",
						adSets.stream().map(a -> adSet(campaign, a)).toList()));
			}
		});
		return json;
	}

	private static Map<String, Object> adSet(SandboxCampaign campaign, SandboxAdGroup adSet) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", adSet.adGroupId());
		json.put("account_id", campaign.adAccountId().substring("act_".length()));
		json.put("campaign_id", campaign.campaignId());
		json.put("name", adSet.name());
		json.put("status", adSet.status());
		json.put("effective_status", adSet.status());
		json.put("configured_status", adSet.status());
		json.put("billing_event", "IMPRESSIONS");
		json.put("optimization_goal", "LINK_CLICKS");
		json.put("bid_strategy", adSet.automaticBid() ? AUTOMATIC_BID : "LOWEST_COST_WITH_BID_CAP");
		if (!adSet.automaticBid()) {
			json.put("bid_amount", adSet.bidCents());
		}
		return json;
	}

	private static Long cents(String text) {
		try {
			long value = Long.parseLong(text.trim());
			return value > 0 ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
