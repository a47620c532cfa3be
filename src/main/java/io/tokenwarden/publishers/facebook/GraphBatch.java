package io.tokenwarden.publishers.facebook;

import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.Misconfigured;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.PublisherOutcome.Unrecognised;
import io.tokenwarden.publishers.http.FormEncoding;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.Json;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Inspects tokens with {@code debug_token} through the Graph batch API, up to 50 per request. A
 * {@code null} entry (an operation that timed out) is retried once in a new batch, then is unreachable;
 * an entry whose body is not the JSON {@code debug_token} answers is unrecognised.
 */
final class GraphBatch {

	static final int MAX_OPERATIONS = 50;

	private final GraphApi graph;

	private final Clock clock;

	GraphBatch(GraphApi graph, Clock clock) {
		this.graph = graph;
		this.clock = clock;
	}

	List<PublisherOutcome> inspect(List<HeldToken> tokens) {
		List<PublisherOutcome> outcomes = new ArrayList<>(tokens.size());
		for (int from = 0; from < tokens.size(); from += MAX_OPERATIONS) {
			outcomes.addAll(inspectChunk(tokens.subList(from, Math.min(tokens.size(), from + MAX_OPERATIONS))));
		}
		return outcomes;
	}

	private List<PublisherOutcome> inspectChunk(List<HeldToken> tokens) {
		PublisherOutcome[] outcomes = new PublisherOutcome[tokens.size()];
		List<Integer> pending = IntStream.range(0, tokens.size()).boxed().toList();
		for (int round = 0; round < 2 && !pending.isEmpty(); round++) {
			pending = runRound(tokens, pending, outcomes);
		}
		for (int index : pending) {
			outcomes[index] = new Unreachable(Evidence.of(Publisher.FACEBOOK, "batch entry did not complete twice (null)"));
		}
		return Arrays.asList(outcomes);
	}

	/** Sends one batch for the pending indexes, fills in their outcomes, and returns those that came back null. */
	private List<Integer> runRound(List<HeldToken> tokens, List<Integer> pending, PublisherOutcome[] outcomes) {
		ArrayNode operations = Json.array();
		for (int index : pending) {
			operations.addObject()
				.put("method", "GET")
				.put("relative_url", "debug_token?input_token=" + FormEncoding.encode(tokens.get(index).accessToken().reveal()));
		}
		HttpAnswer answer = this.graph.batch(Json.write(operations));
		PublisherOutcome failure = batchFailure(answer, pending.size());
		List<Integer> again = new ArrayList<>();
		for (int i = 0; i < pending.size(); i++) {
			JsonNode item = failure == null ? answer.json().get(i) : null;
			if (failure != null) {
				outcomes[pending.get(i)] = failure;
			}
			else if (item == null || item.isNull()) {
				again.add(pending.get(i));
			}
			else {
				outcomes[pending.get(i)] = readItem(item, answer);
			}
		}
		return again;
	}

	private PublisherOutcome batchFailure(HttpAnswer answer, int expected) {
		PublisherOutcome failure = MetaErrors.failureOf(answer, this.clock);
		if (failure != null) {
			return blameAppToken(failure);
		}
		if (!answer.json().isArray() || answer.json().size() != expected) {
			return MetaErrors.unrecognised(answer, "batch answer does not match the request");
		}
		return null;
	}

	private PublisherOutcome readItem(JsonNode item, HttpAnswer batchAnswer) {
		Integer code = Json.integer(item, "code");
		if (code == null) {
			return MetaErrors.unrecognised(batchAnswer, "batch entry without a status");
		}
		HttpAnswer answer = HttpAnswer.of(code, itemHeaders(item, batchAnswer.headers()), Json.text(item, "body"));
		PublisherOutcome failure = MetaErrors.failureOf(answer, this.clock);
		if (failure != null) {
			return blameAppToken(failure);
		}
		JsonNode data = answer.json().get("data");
		if (data == null || !data.isObject()) {
			// {"data":[]} is what a Meta app in development mode has been seen to answer
			return MetaErrors.unrecognised(answer, data != null && data.isArray() && data.isEmpty()
					? "debug_token answer with empty data" : "debug_token answer without a data object");
		}
		PublisherOutcome verdict = DebugTokens.read(data, MetaErrors.evidence(answer), this.clock);
		return verdict instanceof Unrecognised unread ? MetaErrors.unrecognised(answer, unread.evidence().detail()) : verdict;
	}

	/**
	 * debug_token reports the inspected token's own problems inside {@code data}; a token error around
	 * it means Meta refused our app token, which is an operator's problem and no user's.
	 */
	private static PublisherOutcome blameAppToken(PublisherOutcome failure) {
		if (failure instanceof Expired expired) {
			return new Misconfigured(expired.evidence().withDetail("the app token was refused"));
		}
		return failure;
	}

	// an entry's own headers, then the batch's for anything it lacks (usage headers, trace id)
	private static HttpHeaders itemHeaders(JsonNode item, HttpHeaders batchHeaders) {
		HttpHeaders headers = new HttpHeaders();
		JsonNode list = item.get("headers");
		if (list != null && list.isArray()) {
			for (JsonNode header : list.values()) {
				String name = Json.text(header, "name");
				String value = Json.text(header, "value");
				if (name != null && value != null) {
					headers.add(name, value);
				}
			}
		}
		batchHeaders.forEach((name, values) -> {
			if (!headers.containsHeader(name)) {
				headers.addAll(name, values);
			}
		});
		return headers;
	}

}
