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
 * X Ads campaign management (publisher-api.md B8) for the sandbox's X users, only for calls signed with
 * OAuth 1.0a as the real Ads API demands (a Bearer token is refused with code 32): one Ads account each, its
 * campaigns in micros, updates by PUT with query parameters, and the synchronous BILLING stats. Answers
 * carry the Ads envelope ({@code data}, {@code request}, {@code next_cursor}); errors the {@code errors} list.
 */
@Component
@Profile("demo")
class XAds {

	private static final long MICROS_PER_CENT = 10_000;

	private final SandboxAuthority authority;

	private final SandboxCampaigns campaigns;

	private final Clock clock;

	XAds(SandboxAuthority authority, SandboxCampaigns campaigns, Clock clock) {
		this.authority = authority;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	ResponseEntity<Object> accounts(HttpServletRequest request) {
		XSignatures.Verification signed = XSignatures.verify(request, this.clock, this.authority::tokenSecret);
		if (!signed.ok()) {
			return XApi.refused(signed);
		}
		Optional<SandboxUser> user = user(signed.signed());
		if (user.isEmpty()) {
			return unauthorized();
		}
		return ok(this.campaigns.xAdAccounts(user.get().id())
			.stream()
			.map(id -> Map.<String, Object>of("id", id, "name", user.get().name() + " Ads", "approval_status", "ACCEPTED",
					"deleted", false))
			.toList(), Map.of());
	}

	ResponseEntity<Object> campaigns(HttpServletRequest request, String account) {
		XSignatures.Verification signed = XSignatures.verify(request, this.clock, this.authority::tokenSecret);
		if (!signed.ok()) {
			return XApi.refused(signed);
		}
		Optional<SandboxUser> user = user(signed.signed());
		if (user.isEmpty()) {
			return unauthorized();
		}
		if (!owns(user.get(), account)) {
			return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "Account " + account + " was not found", account);
		}
		return ok(this.campaigns.deliver(Publisher.X, account).stream().map(XAds::json).toList(),
				Map.of("account_id", account));
	}

	ResponseEntity<Object> update(HttpServletRequest request, String account, String campaignId, Map<String, String> params) {
		XSignatures.Verification signed = XSignatures.verify(request, this.clock, this.authority::tokenSecret);
		if (!signed.ok()) {
			return XApi.refused(signed);
		}
		Optional<SandboxUser> user = user(signed.signed());
		if (user.isEmpty()) {
			return unauthorized();
		}
		Optional<SandboxCampaign> campaign = this.campaigns.find(Publisher.X, campaignId)
			.filter(c -> c.adAccountId().equals(account) && owns(user.get(), account));
		if (campaign.isEmpty()) {
			return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "Campaign " + campaignId + " was not found", account);
		}
		String status = params.get("entity_status");
		Long bid = micros(params.get("bid_amount_local_micro"));
		if ((status == null && params.get("bid_amount_local_micro") == null)
				|| (status != null && !Set.of("ACTIVE", "PAUSED").contains(status))
				|| (params.get("bid_amount_local_micro") != null && bid == null)) {
			return error(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "Expected ACTIVE or PAUSED, or a positive bid", account);
		}
		if (status != null) {
			this.campaigns.setStatus(Publisher.X, campaignId, status);
		}
		if (bid != null) {
			this.campaigns.setBid(Publisher.X, campaignId, Math.max(1, bid / MICROS_PER_CENT));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("data", json(this.campaigns.find(Publisher.X, campaignId).orElseThrow()), "request",
					Map.of("params", Map.of("account_id", account, "campaign_id", campaignId))));
	}

	/** Today's billed spend per campaign; reading stats delivers nothing more. */
	ResponseEntity<Object> stats(HttpServletRequest request, String account, Map<String, String> params) {
		XSignatures.Verification signed = XSignatures.verify(request, this.clock, this.authority::tokenSecret);
		if (!signed.ok()) {
			return XApi.refused(signed);
		}
		Optional<SandboxUser> user = user(signed.signed());
		if (user.isEmpty()) {
			return unauthorized();
		}
		if (!owns(user.get(), account) || !"CAMPAIGN".equals(params.get("entity"))) {
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

	private Optional<SandboxUser> user(XSignatures.Signed signed) {
		TokenState state = this.authority.lookup(Publisher.X, signed.token());
		return state.valid() && state.kind() == TokenKind.ACCESS ? Optional.of(state.user()) : Optional.empty();
	}

	private boolean owns(SandboxUser user, String account) {
		return this.campaigns.xAdAccounts(user.id()).contains(account);
	}

	private static Map<String, Object> json(SandboxCampaign campaign) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", campaign.campaignId());
		json.put("account_id", campaign.adAccountId());
		json.put("name", campaign.name());
		json.put("entity_status", campaign.status());
		json.put("daily_budget_amount_local_micro", campaign.dailyBudgetCents() * MICROS_PER_CENT);
		json.put("bid_amount_local_micro", campaign.bidCents() * MICROS_PER_CENT);
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
