package io.tokenwarden.publishers.http;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One publisher answer as read off the wire (status, headers, body, parsed JSON), or the fault that
 * stopped it. Its {@code toString} never shows the body: token endpoints answer with tokens.
 */
public final class HttpAnswer {

	/** The most of a body we read; publishers' real answers are far smaller. */
	static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

	private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_]{1,40}");

	private static final int MAX_KEYS = 10;

	/** Why there is no answer at all. */
	public enum Fault {

		TIMEOUT("no answer within the timeout"), CONNECTION_FAILED("connection failed or was reset"),
		HOST_NOT_ALLOWED("call to a host that is not configured, refused before connecting");

		private final String description;

		Fault(String description) {
			this.description = description;
		}

		public String description() {
			return this.description;
		}

	}

	private final int status;

	private final HttpHeaders headers;

	private final String body;

	private final JsonNode json;

	private final Fault fault;

	private HttpAnswer(int status, HttpHeaders headers, String body, Fault fault) {
		this.status = status;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		this.body = body;
		this.json = Json.parse(body);
		this.fault = fault;
	}

	public static HttpAnswer of(int status, HttpHeaders headers, String body) {
		return new HttpAnswer(status, headers == null ? new HttpHeaders() : headers, body == null ? "" : body, null);
	}

	public static HttpAnswer fault(Fault fault) {
		return new HttpAnswer(0, new HttpHeaders(), "", fault);
	}

	static HttpAnswer read(ClientHttpResponse response) throws IOException {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(response.getHeaders());
		try (InputStream in = response.getBody()) {
			String body = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
			return of(response.getStatusCode().value(), headers, body);
		}
	}

	public boolean isFault() {
		return this.fault != null;
	}

	public Fault fault() {
		return this.fault;
	}

	public int status() {
		return this.status;
	}

	/** The status for the record: null when there was no response. */
	public Integer statusOrNull() {
		return isFault() ? null : this.status;
	}

	public boolean isSuccess() {
		return !isFault() && this.status >= 200 && this.status < 300;
	}

	public boolean isRedirect() {
		return !isFault() && this.status >= 300 && this.status < 400;
	}

	public boolean isServerError() {
		return !isFault() && this.status >= 500;
	}

	public HttpHeaders headers() {
		return this.headers;
	}

	public String header(String name) {
		return this.headers.getFirst(name);
	}

	public String body() {
		return this.body;
	}

	/** The body as JSON, or null when it is empty, HTML or malformed. */
	public JsonNode json() {
		return this.json;
	}

	/** Our own words for a body that is not the JSON we expected. */
	public String unusableBodyDetail() {
		if (this.body.isBlank()) {
			return "empty body";
		}
		if (this.body.contains("Service Unavailable")) {
			return "body says Service Unavailable";
		}
		String start = this.body.stripLeading().toLowerCase(Locale.ROOT);
		return start.startsWith("<") ? "HTML body" : "malformed body";
	}

	/**
	 * The answer's shape for a log or a check's history, never its content: status, content type, length,
	 * and the top-level keys of a JSON object (or the size of an array). A key that is not a plain name
	 * shows as {@code ?}, since a publisher could echo anything there.
	 */
	public String shape() {
		if (isFault()) {
			return "no answer (" + this.fault.description() + ")";
		}
		String type = header("Content-Type");
		StringBuilder shape = new StringBuilder("HTTP ").append(this.status).append(", ")
			.append(type == null ? "no content type" : type.replaceAll("[^A-Za-z0-9/.+;=\\- ]", "?"))
			.append(", ").append(this.body.length()).append(" characters");
		if (this.json != null && this.json.isObject()) {
			List<String> keys = new ArrayList<>();
			this.json.propertyNames().forEach(key -> keys.add(PLAIN_KEY.matcher(key).matches() ? key : "?"));
			shape.append(", keys ").append(keys.size() > MAX_KEYS
					? keys.subList(0, MAX_KEYS) + " and " + (keys.size() - MAX_KEYS) + " more" : keys);
		}
		else if (this.json != null && this.json.isArray()) {
			shape.append(", a JSON array of ").append(this.json.size());
		}
		else if (this.json != null) {
			shape.append(", a bare JSON value");
		}
		else if (!this.body.isBlank()) {
			shape.append(", ").append(unusableBodyDetail());
		}
		return shape.toString();
	}

	@Override
	public String toString() {
		return isFault() ? "HttpAnswer[" + this.fault + "]" : "HttpAnswer[" + this.status + "]";
	}

}
