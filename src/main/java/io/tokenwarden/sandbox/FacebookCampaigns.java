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

/**
 * Marketing API campaigns: {@code GET act_{id}/campaigns} (paged, with today's {@code insights} when asked)
 * and {@code POST {campaign-id}} with {@code status} or {@code bid_amount}. Meta keeps bids on ad sets; the
 * sandbox keeps one per campaign, the simplification Token Warden's Auto-bid makes.
 */
@Component
@Profile("demo")
class FacebookCampaigns {

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
		String today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toString();
		List<Map<String, Object>> items = this.campaigns.deliver(Publisher.FACEBOOK, node)
			.stream()
			.map(campaign -> FacebookGraph.select(json(campaign, today), call.param("fields")))
			.toList();
		return GraphAnswer.ok(GraphPages.paged(call, node, "campaigns", items));
	}

	GraphAnswer write(GraphCall call, String campaignId, TokenState state) {
		Optional<SandboxCampaign> campaign = this.campaigns.find(Publisher.FACEBOOK, campaignId)
			.filter(c -> sees(state, c.adAccountId().substring("act_".length())));
		if (campaign.isEmpty()) {
			return GraphAnswer.error(GraphError.noSuchObject(call.method(), campaignId));
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
		if (status != null) {
			this.campaigns.setStatus(Publisher.FACEBOOK, campaignId, status);
		}
		if (cents != null) {
			this.campaigns.setBid(Publisher.FACEBOOK, campaignId, cents);
		}
		return GraphAnswer.ok(Map.of("success", true));
	}

	private boolean sees(TokenState state, String accountId) {
		return this.directory.adAccounts(state.user().id(), state.level())
			.stream()
			.anyMatch(account -> account.accountId().equals(accountId));
	}

	private static Map<String, Object> json(SandboxCampaign campaign, String today) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", campaign.campaignId());
		json.put("account_id", campaign.adAccountId().substring("act_".length()));
		json.put("name", campaign.name());
		json.put("status", campaign.status());
		json.put("effective_status", campaign.status());
		json.put("daily_budget", String.valueOf(campaign.dailyBudgetCents()));
		json.put("bid_amount", String.valueOf(campaign.bidCents()));
		json.put("insights", Map.of("data", List.of(Map.of("spend",
				BigDecimal.valueOf(campaign.spendCents(), 2).toPlainString(), "date_start", today, "date_stop", today))));
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
