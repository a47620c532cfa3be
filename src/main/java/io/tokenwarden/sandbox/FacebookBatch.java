package io.tokenwarden.sandbox;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Graph batch requests: {@code POST /} with {@code batch} = a JSON array of up to 50
 * {@code {method, relative_url}} operations. The answer is an array in request order of
 * {@code {code, headers, body}}, where {@code body} is a JSON <em>string</em>; one failed operation
 * leaves the others answered.
 */
@Component
@Profile("demo")
class FacebookBatch {

	static final int MAX_OPERATIONS = 50;

	private final FacebookGraph graph;

	private final JsonMapper json;

	FacebookBatch(FacebookGraph graph, JsonMapper json) {
		this.graph = graph;
		this.json = json;
	}

	GraphAnswer run(Map<String, String> params, String bearer, String baseUrl) {
		String fallback = params.getOrDefault("access_token", bearer);
		if (fallback == null || fallback.isBlank()) {
			return GraphAnswer.error(GraphError.missingToken());
		}
		String proof = params.get("appsecret_proof");
		if (proof != null && !SandboxApps.same(SandboxSecrets.appSecretProof(fallback), proof)) {
			return GraphAnswer.error(GraphError.badProof());
		}
		JsonNode operations;
		try {
			operations = this.json.readTree(params.getOrDefault("batch", ""));
		}
		catch (JacksonException ex) {
			operations = null;
		}
		if (operations == null || !operations.isArray()) {
			return GraphAnswer.error(GraphError.parameter("(#100) The parameter batch must be a JSON array"));
		}
		if (operations.size() > MAX_OPERATIONS) {
			return GraphAnswer.error(GraphError
				.parameter("(#100) Too many requests in batch message. Maximum batch size is " + MAX_OPERATIONS));
		}
		boolean includeHeaders = !"false".equalsIgnoreCase(params.get("include_headers"));
		List<Map<String, Object>> results = new ArrayList<>();
		for (JsonNode operation : operations) {
			results.add(item(this.graph.call(callOf(operation, fallback, baseUrl)), includeHeaders));
		}
		return GraphAnswer.ok(results);
	}

	// an operation's own access_token parameter wins over the batch's fallback token
	private static GraphCall callOf(JsonNode operation, String fallback, String baseUrl) {
		String method = operation.path("method").asString("GET").toUpperCase(Locale.ROOT);
		String relative = operation.path("relative_url").asString("").replaceFirst("^/+", "");
		UriComponents uri = UriComponentsBuilder.fromUriString("/" + relative).build();
		Map<String, String> params = new LinkedHashMap<>();
		uri.getQueryParams().forEach((name, values) -> params.put(decode(name),
				values.isEmpty() || values.get(0) == null ? "" : decode(values.get(0))));
		String path = uri.getPath() == null ? "" : decode(uri.getPath());
		return new GraphCall(method, path, params, fallback, baseUrl);
	}

	private Map<String, Object> item(GraphAnswer answer, boolean includeHeaders) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("code", answer.status());
		if (includeHeaders) {
			List<Map<String, String>> headers = new ArrayList<>();
			headers.add(Map.of("name", "Content-Type", "value", "application/json; charset=UTF-8"));
			answer.headers().forEach((name, value) -> headers.add(Map.of("name", name, "value", value)));
			item.put("headers", headers);
		}
		item.put("body", this.json.writeValueAsString(answer.body()));
		return item;
	}

	private static String decode(String value) {
		return UriUtils.decode(value, StandardCharsets.UTF_8);
	}

}
