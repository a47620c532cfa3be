package io.tokenwarden.publishers.http;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lenient reading of publisher JSON: absent, null and mistyped values all read as "not there". */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	/** The parsed body, or null when it is empty, HTML or otherwise not JSON. */
	public static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode node = MAPPER.readTree(body);
			return node == null || node.isMissingNode() ? null : node;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	public static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	public static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	public static String write(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	public static String text(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.asString(null);
		return text == null || text.isEmpty() ? null : text;
	}

	public static Integer integer(JsonNode node, String field) {
		String text = text(node, field);
		try {
			return text == null ? null : Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	public static Long number(JsonNode node, String field) {
		String text = text(node, field);
		try {
			return text == null ? null : Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Unix seconds as an instant; null when absent or 0 (Meta's "never"). */
	public static Instant epochSeconds(JsonNode node, String field) {
		Long seconds = number(node, field);
		return seconds == null || seconds == 0 ? null : Instant.ofEpochSecond(seconds);
	}

	public static List<String> strings(JsonNode node, String field) {
		JsonNode array = node == null ? null : node.get(field);
		List<String> values = new ArrayList<>();
		if (array != null && array.isArray()) {
			array.values().forEach(item -> {
				if (item.isString()) {
					values.add(item.asString());
				}
			});
		}
		return values;
	}

}
