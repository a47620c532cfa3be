package io.tokenwarden.sandbox;

import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Graph's cursor paging for the sandbox's lists, small pages on purpose so every client really pages. */
final class GraphPages {

	/** Small on purpose: a person with 3 Pages needs two pages of results, so paging is exercised. */
	static final int PAGE_SIZE = 2;

	private GraphPages() {
	}

	/**
	 * Cursor paging as Graph does it: {@code paging.cursors.before/after}, and {@code next} only while
	 * there is more. Links carry no access token; the caller sends its own.
	 */
	static Map<String, Object> paged(GraphCall call, String node, String edge, List<Map<String, Object>> items) {
		int limit = Math.max(1, Math.min(PAGE_SIZE, parseLimit(call.param("limit"))));
		List<String> ids = items.stream().map(item -> String.valueOf(item.get("id"))).toList();
		int start = 0;
		if (call.param("after") != null) {
			start = indexOf(ids, call.param("after")).map(i -> i + 1).orElse(ids.size());
		}
		else if (call.param("before") != null) {
			start = Math.max(0, indexOf(ids, call.param("before")).orElse(0) - limit);
		}
		int end = Math.min(ids.size(), start + limit);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("data", items.subList(Math.min(start, end), end));
		if (start < end) {
			Map<String, Object> paging = new LinkedHashMap<>();
			paging.put("cursors", Map.of("before", cursor(ids.get(start)), "after", cursor(ids.get(end - 1))));
			Function<String[], String> link = cursor -> UriComponentsBuilder.fromUriString(call.baseUrl())
				.pathSegment(node, edge)
				.queryParamIfPresent("fields", Optional.ofNullable(call.param("fields")))
				.queryParam("limit", limit)
				.queryParam(cursor[0], cursor[1])
				.build()
				.encode()
				.toUriString();
			if (start > 0) {
				paging.put("previous", link.apply(new String[] { "before", cursor(ids.get(start)) }));
			}
			if (end < ids.size()) {
				paging.put("next", link.apply(new String[] { "after", cursor(ids.get(end - 1)) }));
			}
			result.put("paging", paging);
		}
		return result;
	}

	private static int parseLimit(String limit) {
		try {
			return limit == null ? PAGE_SIZE : Integer.parseInt(limit.trim());
		}
		catch (NumberFormatException ex) {
			return PAGE_SIZE;
		}
	}

	private static String cursor(String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
	}

	// a stale cursor (the item is gone) reads as the end of the list, as Graph's do
	private static Optional<Integer> indexOf(List<String> ids, String cursor) {
		try {
			String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int index = ids.indexOf(id);
			return index < 0 ? Optional.empty() : Optional.of(index);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
