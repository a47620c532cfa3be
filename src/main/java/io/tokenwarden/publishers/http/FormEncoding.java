package io.tokenwarden.publishers.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} for query strings and form bodies. Unlike URI template
 * encoding it also encodes {@code +} and {@code =}, which Meta's base64 cursors contain.
 */
public final class FormEncoding {

	private FormEncoding() {
	}

	/** The pairs in iteration order, encoded; empty for no pairs. */
	public static String encode(Map<String, String> pairs) {
		StringJoiner joined = new StringJoiner("&");
		pairs.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
		return joined.toString();
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
