package io.tokenwarden.publishers.facebook;

import io.tokenwarden.publishers.AdAccountBilling;
import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.FundingSourceInvalid;
import io.tokenwarden.publishers.VisibleAsset;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.Json;
import io.tokenwarden.tokens.TokenSecret;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pages and ad accounts a token sees, read to the end of their paging, and an ad account's billing
 * fields (docs/publishers.md, "Assets and billing").
 */
final class GraphAssets {

	private static final Pattern AD_ACCOUNT_ID = Pattern.compile("(act_)?([0-9]{1,30})");

	private static final Set<Integer> BILLING_STATUSES = Set.of(3, 8, 9);

	private static final int ACTIVE = 1;

	private static final int DISABLED = 2;

	private static final int RISK_PAYMENT = 3;

	private final GraphApi graph;

	private final Clock clock;

	GraphAssets(GraphApi graph, Clock clock) {
		this.graph = graph;
		this.clock = clock;
	}

	List<VisibleAsset> pages(TokenSecret token) {
		return list("me/accounts", "id,name,tasks", "tasks", VisibleAsset.AssetKind.PAGE, token);
	}

	List<VisibleAsset> adAccounts(TokenSecret token) {
		return list("me/adaccounts", "id,name,user_tasks", "user_tasks", VisibleAsset.AssetKind.AD_ACCOUNT, token);
	}

	private List<VisibleAsset> list(String path, String fields, String tasksField, VisibleAsset.AssetKind kind,
			TokenSecret token) {
		return GraphPaging.items(this.graph, path, Map.of("fields", fields, "limit", "100"), token, this.clock)
			.stream()
			.map(item -> new VisibleAsset(kind, Json.text(item, "id"), Json.text(item, "name"), Json.strings(item, tasksField)))
			.toList();
	}

	AdAccountBilling billing(TokenSecret token, String adAccountId) {
		String account = adAccountNode(adAccountId);
		HttpAnswer answer = this.graph.get(account,
				Map.of("fields", "account_status,disable_reason,funding_source,funding_source_details,user_tasks"), token);
		PublisherOutcome failure = MetaErrors.failureOf(answer, this.clock);
		if (failure instanceof FundingSourceInvalid) {
			return new AdAccountBilling(account, null, null, null, null, true, failure.evidence());
		}
		JsonNode json = MetaErrors.requireSuccess(answer, this.clock);
		Integer status = Json.integer(json, "account_status");
		if (status == null) {
			throw new PublisherException(MetaErrors.unrecognised(answer, "ad account answer without account_status"));
		}
		Integer disableReason = Json.integer(json, "disable_reason");
		JsonNode details = json.get("funding_source_details");
		String fundingSource = Json.text(json, "funding_source");
		if (fundingSource == null) {
			fundingSource = Json.text(details, "id");
		}
		List<String> tasks = Json.strings(json, "user_tasks");
		boolean invalid = BILLING_STATUSES.contains(status)
				|| (status == DISABLED && Integer.valueOf(RISK_PAYMENT).equals(disableReason))
				// Meta hides funding fields from users without MANAGE, so absence only counts with it (or unknown tasks)
				|| (status == ACTIVE && fundingSource == null && (tasks.isEmpty() || tasks.contains("MANAGE")));
		Evidence evidence = MetaErrors.evidence(answer);
		evidence = new Evidence(evidence.publisher(), evidence.httpStatus(), status.toString(),
				disableReason == null ? null : disableReason.toString(), evidence.traceId(),
				invalid ? "ad account cannot pay (account_status/disable_reason)" : "ad account billing in order");
		return new AdAccountBilling(account, status, disableReason, fundingSource, Json.text(details, "display_string"),
				invalid, evidence);
	}

	/** {@code act_<digits>} for either way of writing an ad account's id; anything else is refused before a call. */
	static String adAccountNode(String adAccountId) {
		var id = AD_ACCOUNT_ID.matcher(adAccountId == null ? "" : adAccountId.trim());
		if (!id.matches()) {
			throw new IllegalArgumentException("not a Meta ad account id: act_<digits> or <digits>");
		}
		return "act_" + id.group(2);
	}

}
