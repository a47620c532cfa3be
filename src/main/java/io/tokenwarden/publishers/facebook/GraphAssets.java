package io.tokenwarden.publishers.facebook;

import io.tokenwarden.publishers.AdAccountBilling;
import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.FundingSourceInvalid;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.VisibleAsset;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.Json;
import io.tokenwarden.tokens.TokenSecret;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pages and ad accounts a token sees, following {@code paging.next} until it is absent (a page may
 * be empty and still have one), and an ad account's billing fields (publisher-api.md A6).
 */
final class GraphAssets {

	/** A guard against a paging loop; far beyond any real agency's assets. */
	static final int MAX_PAGES = 1000;

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
		return list("me/accounts", "id,name,tasks", "tasks", VisibleAsset.Kind.PAGE, token);
	}

	List<VisibleAsset> adAccounts(TokenSecret token) {
		return list("me/adaccounts", "id,name,user_tasks", "user_tasks", VisibleAsset.Kind.AD_ACCOUNT, token);
	}

	private List<VisibleAsset> list(String path, String fields, String tasksField, VisibleAsset.Kind kind,
			TokenSecret token) {
		List<VisibleAsset> assets = new ArrayList<>();
		Set<String> followed = new HashSet<>();
		HttpAnswer answer = this.graph.get(path, Map.of("fields", fields, "limit", "100"), token);
		for (int page = 1;; page++) {
			JsonNode json = MetaErrors.requireSuccess(answer, this.clock);
			JsonNode data = json.get("data");
			if (data == null || !data.isArray()) {
				throw unreachable(answer, "list answer without data");
			}
			data.values().forEach(item -> assets.add(new VisibleAsset(kind, Json.text(item, "id"),
					Json.text(item, "name"), Json.strings(item, tasksField))));
			String next = Json.text(json.get("paging"), "next");
			if (next == null) {
				return assets;
			}
			if (page >= MAX_PAGES || !followed.add(next)) {
				throw unreachable(answer, "paging does not end");
			}
			URI link = this.graph.nextLink(next, token).orElse(null);
			if (link == null) {
				throw unreachable(answer, "paging link to another host, not followed");
			}
			answer = this.graph.get(link, token);
		}
	}

	AdAccountBilling billing(TokenSecret token, String adAccountId) {
		var id = AD_ACCOUNT_ID.matcher(adAccountId == null ? "" : adAccountId.trim());
		if (!id.matches()) {
			throw new IllegalArgumentException("not a Meta ad account id: act_<digits> or <digits>");
		}
		String account = "act_" + id.group(2);
		HttpAnswer answer = this.graph.get(account,
				Map.of("fields", "account_status,disable_reason,funding_source,funding_source_details,user_tasks"), token);
		PublisherOutcome failure = MetaErrors.failureOf(answer, this.clock);
		if (failure instanceof FundingSourceInvalid) {
			return new AdAccountBilling(account, null, null, null, null, true, failure.evidence());
		}
		JsonNode json = MetaErrors.requireSuccess(answer, this.clock);
		Integer status = Json.integer(json, "account_status");
		if (status == null) {
			throw unreachable(answer, "ad account answer without account_status");
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

	private static PublisherException unreachable(HttpAnswer answer, String detail) {
		return new PublisherException(new Unreachable(MetaErrors.evidence(answer).withDetail(detail)));
	}

}
