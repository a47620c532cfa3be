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
 * and still have one), only to the Graph host, never around in a loop (docs/publishers.md, "Paging").
 * The list may be an edge of its own or one expanded inside a node's fields ({@code adsets{…}}).
 */
final class GraphPaging {

	/** A guard against a paging loop; far beyond any real agency's assets. */
	static final int MAX_PAGES = 1000;

	private GraphPaging() {
	}

	static List<JsonNode> items(GraphApi graph, String path, Map<String, String> query, TokenSecret token, Clock clock) {
		HttpAnswer answer = graph.get(path, query, token);
		return rest(graph, MetaErrors.requireSuccess(answer, clock), answer, token, clock);
	}

	/**
	 * The items of {@code page} (a {@code {data, paging}} object already read from {@code answer}) and of
	 * every page after it.
	 */
	static List<JsonNode> rest(GraphApi graph, JsonNode page, HttpAnswer answer, TokenSecret token, Clock clock) {
		List<JsonNode> items = new ArrayList<>();
		Set<String> followed = new HashSet<>();
		JsonNode json = page;
		for (int number = 1;; number++) {
			JsonNode data = json.get("data");
			if (data == null || !data.isArray()) {
				throw new PublisherException(MetaErrors.unrecognised(answer, "list answer without data"));
			}
			data.values().forEach(items::add);
			String next = Json.text(json.get("paging"), "next");
			if (next == null) {
				return items;
			}
			if (number >= MAX_PAGES || !followed.add(next)) {
				throw unreachable(answer, "paging does not end");
			}
			URI link = graph.nextLink(next, token).orElse(null);
			if (link == null) {
				throw unreachable(answer, "paging link to another host, not followed");
			}
			answer = graph.get(link, token);
			json = MetaErrors.requireSuccess(answer, clock);
		}
	}

	static PublisherException unreachable(HttpAnswer answer, String detail) {
		return new PublisherException(new Unreachable(MetaErrors.evidence(answer).withDetail(detail)));
	}

}
