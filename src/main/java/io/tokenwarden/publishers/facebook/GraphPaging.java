package io.tokenwarden.publishers.facebook;

import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
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

/**
 * Reads a Graph list to its end: follows {@code paging.next} until it is absent (a page may be empty
 * and still have one), only to the Graph host, never around in a loop (publisher-api.md A6).
 */
final class GraphPaging {

	/** A guard against a paging loop; far beyond any real agency's assets. */
	static final int MAX_PAGES = 1000;

	private GraphPaging() {
	}

	static List<JsonNode> items(GraphApi graph, String path, Map<String, String> query, TokenSecret token, Clock clock) {
		List<JsonNode> items = new ArrayList<>();
		Set<String> followed = new HashSet<>();
		HttpAnswer answer = graph.get(path, query, token);
		for (int page = 1;; page++) {
			JsonNode json = MetaErrors.requireSuccess(answer, clock);
			JsonNode data = json.get("data");
			if (data == null || !data.isArray()) {
				throw unreachable(answer, "list answer without data");
			}
			data.values().forEach(items::add);
			String next = Json.text(json.get("paging"), "next");
			if (next == null) {
				return items;
			}
			if (page >= MAX_PAGES || !followed.add(next)) {
				throw unreachable(answer, "paging does not end");
			}
			URI link = graph.nextLink(next, token).orElse(null);
			if (link == null) {
				throw unreachable(answer, "paging link to another host, not followed");
			}
			answer = graph.get(link, token);
		}
	}

	static PublisherException unreachable(HttpAnswer answer, String detail) {
		return new PublisherException(new Unreachable(MetaErrors.evidence(answer).withDetail(detail)));
	}

}
