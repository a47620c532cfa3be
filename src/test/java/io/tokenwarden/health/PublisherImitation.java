package io.tokenwarden.health;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock extension that answers like Facebook and X, token by token: Facebook's Graph batch of
 * {@code debug_token} operations ({@code POST /v25.0/}) and an ad account's billing fields
 * ({@code GET /v25.0/act_<id>}), and X's {@code GET /2/users/me}, signed with OAuth 1.0a (the token is the
 * header's {@code oauth_token}; the sandbox tests check the signatures themselves). Payloads follow
 * docs/publishers.md ("Batch requests", "Graph errors", "Rate limits", "X errors"). Requests about tokens nobody told it
 * about are refused as invalid requests (Meta code 100, X 400), which changes nothing about them: other
 * tests' accounts that happen to be due are checked without any change of state, notice or pause.
 * It counts how often each token was inspected.
 */
final class PublisherImitation implements ResponseDefinitionTransformerV2 {

	static final String NAME = io.tokenwarden.testsupport.PublisherServer.IMITATION;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern OAUTH_TOKEN = Pattern.compile("oauth_token=\"([^\"]*)\"");

	private static final String ME = """
			{"data":{"id":"2244994945","name":"X Developers","username":"XDevelopers"}}""";

	/** What X's {@code /2/users/me} answers for {@link Answer#unrecognised()}: not JSON, and it echoes the token. */
	static final String X_HTML_PAGE = """
			<!DOCTYPE html><html><head><title>X</title></head>
			<body><p>Something went wrong, but don't fret: it's not your fault (%s).</p></body></html>""";

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final Map<String, Integer> adAccounts = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> inspections = new ConcurrentHashMap<>();

	private final AtomicInteger batches = new AtomicInteger();

	private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();

	private volatile Answer unknownTokens;

	// nobody's token here: a refused request, so nothing about it changes
	private static final Answer UNKNOWN = Answer.badRequest();

	/** Batch entries as JSON, by answer: a benchmark's batches are made of a few distinct entries. */
	private final Map<Answer, String> entries = new ConcurrentHashMap<>();

	/** How one token's inspection goes. */
	record Answer(Kind kind, long expiresAt, int subcode, int minutes, Instant until) {

		enum Kind {
			VALID, REFUSED, SERVER_ERROR, THROTTLED, BAD_REQUEST, UNRECOGNISED
		}

		/** Valid, never expiring ({@code expires_at: 0}). */
		static Answer valid() {
			return new Answer(Kind.VALID, 0, 0, 0, null);
		}

		/** Valid until {@code expiresAt}. */
		static Answer validUntil(Instant expiresAt) {
			return new Answer(Kind.VALID, expiresAt.getEpochSecond(), 0, 0, null);
		}

		/** Facebook: {@code is_valid: false} with error 190 and this subcode; X: 401 code 89 (revoked). */
		static Answer refused(int subcode) {
			return new Answer(Kind.REFUSED, 0, subcode, 0, null);
		}

		/** Facebook: this batch entry is an HTTP 503; X: {@code /2/users/me} answers 503. */
		static Answer serverError() {
			return new Answer(Kind.SERVER_ERROR, 0, 0, 0, null);
		}

		/** Facebook: code 17 with a BUC header saying {@code minutes} to regain access. */
		static Answer throttledFor(int minutes) {
			return new Answer(Kind.THROTTLED, 0, 0, minutes, null);
		}

		/** X: 429 with {@code x-rate-limit-reset} at {@code until}. */
		static Answer throttledUntil(Instant until) {
			return new Answer(Kind.THROTTLED, 0, 0, 0, until);
		}

		/**
		 * Facebook: the entry is HTTP 200 with {@code {"data":[]}}, as a Meta app in development mode has been
		 * seen to answer {@code debug_token}; X: {@code /2/users/me} answers HTTP 200 with an HTML page (one that
		 * echoes the token, as an error page might). Nothing in either says anything about the token.
		 */
		static Answer unrecognised() {
			return new Answer(Kind.UNRECOGNISED, 0, 0, 0, null);
		}

		/** Facebook: code 100, invalid parameter; X: 400 invalid request. Says nothing about the token. */
		static Answer badRequest() {
			return new Answer(Kind.BAD_REQUEST, 0, 0, 0, null);
		}

	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	/** Forgets every token and ad account, and the counts. */
	void reset() {
		this.answers.clear();
		this.adAccounts.clear();
		this.inspections.clear();
		this.batches.set(0);
		this.unknownTokens = null;
		release();
	}

	/** What tokens nobody told it about get (null: a refused request, the default). */
	void answerUnknownTokens(Answer answer) {
		this.unknownTokens = answer;
	}

	void answer(String token, Answer answer) {
		this.answers.put(token, answer);
	}

	/** The ad account {@code act_<id>} answers this {@code account_status} (1 active, 3 unsettled...). */
	void adAccount(String id, int accountStatus) {
		this.adAccounts.put(id.startsWith("act_") ? id : "act_" + id, accountStatus);
	}

	/** How many times the token was inspected (a Facebook batch operation, or an X {@code /2/users/me}). */
	int inspections(String token) {
		AtomicInteger count = this.inspections.get(token);
		return count == null ? 0 : count.get();
	}

	/** How many Graph batch requests arrived. */
	int batches() {
		return this.batches.get();
	}

	/** Batch requests wait from now on until {@link #release()} (or 30 seconds). */
	void hold() {
		this.gate.set(new CountDownLatch(1));
	}

	void release() {
		CountDownLatch latch = this.gate.getAndSet(null);
		if (latch != null) {
			latch.countDown();
		}
	}

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		Request request = event.getRequest();
		String path = request.getUrl().replaceAll("\\?.*", "");
		ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(event.getResponseDefinition())
			.withHeader("Content-Type", "application/json; charset=UTF-8");
		if (path.equals("/v25.0/") || path.equals("/v25.0")) {
			waitAtTheGate();
			this.batches.incrementAndGet();
			return response.withStatus(200).withBody(batch(form(request.getBodyAsString()).get("batch"))).build();
		}
		if (path.startsWith("/v25.0/act_")) {
			return adAccount(path.substring("/v25.0/".length()), response);
		}
		if (path.equals("/2/users/me")) {
			return usersMe(oauthToken(request), response);
		}
		return response.withStatus(404).withBody("{}").build();
	}

	private void waitAtTheGate() {
		CountDownLatch latch = this.gate.get();
		if (latch != null) {
			try {
				latch.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private String batch(String operations) {
		StringBuilder result = new StringBuilder("[");
		for (JsonNode operation : JSON.readTree(operations).values()) {
			String url = operation.get("relative_url").asString();
			String token = URLDecoder.decode(url.substring(url.indexOf("input_token=") + "input_token=".length()),
					StandardCharsets.UTF_8);
			this.inspections.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
			Answer answer = this.answers.getOrDefault(token, this.unknownTokens);
			result.append(result.length() == 1 ? "" : ",")
				.append(this.entries.computeIfAbsent(answer == null ? UNKNOWN : answer, a -> JSON.writeValueAsString(entry(a))));
		}
		return result.append(']').toString();
	}

	private ObjectNode entry(Answer answer) {
		ObjectNode entry = JSON.createObjectNode();
		ArrayNode headers = entry.putArray("headers");
		header(headers, "Content-Type", "text/javascript; charset=UTF-8");
		switch (answer.kind()) {
			case VALID -> entry.put("code", 200).put("body", """
					{"data":{"app_id":"138483919580948","type":"USER","application":"Token Warden (tests)",
					 "data_access_expires_at":0,"expires_at":%d,"is_valid":true,"issued_at":1751492330,
					 "scopes":["ads_read","ads_management","business_management"],"user_id":"10228604863005643"}}"""
				.formatted(answer.expiresAt()));
			case REFUSED -> entry.put("code", 200).put("body", """
					{"data":{"app_id":"138483919580948","type":"USER","application":"Token Warden (tests)",
					 "error":{"code":190,"message":"Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.","subcode":%d},
					 "expires_at":1756676330,"is_valid":false,"scopes":["ads_read"],"user_id":"10228604863005643"}}"""
				.formatted(answer.subcode()));
			case SERVER_ERROR -> entry.put("code", 503).put("body", "Service Unavailable");
			case UNRECOGNISED -> entry.put("code", 200).put("body", "{\"data\":[]}");
			case THROTTLED -> {
				header(headers, "X-Business-Use-Case-Usage", "{\"66782684\":[{\"type\":\"ads_management\",\"call_count\":100,"
						+ "\"total_cputime\":20,\"total_time\":20,\"estimated_time_to_regain_access\":" + answer.minutes()
						+ ",\"ads_api_access_tier\":\"standard_access\"}]}");
				entry.put("code", 400).put("body", """
						{"error":{"message":"(#17) User request limit reached","type":"OAuthException","is_transient":false,
						 "code":17,"error_subcode":2446079,"fbtrace_id":"AmFGcW_3hwDB7qFbl_QdebZ"}}""");
			}
			case BAD_REQUEST -> entry.put("code", 400).put("body", """
					{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,
					 "fbtrace_id":"A7kLmNoPqRsTuVw"}}""");
			default -> throw new IllegalStateException("no entry for " + answer.kind());
		}
		return entry;
	}

	private ResponseDefinition adAccount(String id, ResponseDefinitionBuilder response) {
		Integer status = this.adAccounts.get(id);
		if (status == null) {
			return response.withStatus(400).withBody("""
					{"error":{"message":"Unsupported get request.","type":"GraphMethodException","code":100,
					 "error_subcode":33,"fbtrace_id":"A1b2C3d4"}}""").build();
		}
		return response.withStatus(200).withBody("""
				{"id":"%s","account_status":%d,"disable_reason":0,"funding_source":"6064245823610",
				 "funding_source_details":{"id":"6064245823610","display_string":"Visa *1234","type":1},
				 "user_tasks":["MANAGE","ADVERTISE","ANALYZE"]}""".formatted(id, status)).build();
	}

	private ResponseDefinition usersMe(String token, ResponseDefinitionBuilder response) {
		this.inspections.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
		Answer answer = this.answers.getOrDefault(token, this.unknownTokens == null ? UNKNOWN : this.unknownTokens);
		return switch (answer.kind()) {
			case VALID -> response.withStatus(200).withBody(ME).build();
			case REFUSED -> response.withStatus(401)
				.withBody("{\"errors\":[{\"code\":89,\"message\":\"Invalid or expired token.\"}]}")
				.build();
			case THROTTLED -> response.withStatus(429)
				.withHeader("x-rate-limit-limit", "75")
				.withHeader("x-rate-limit-remaining", "0")
				.withHeader("x-rate-limit-reset", String.valueOf(answer.until().getEpochSecond()))
				.withBody("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")
				.build();
			case UNRECOGNISED -> new ResponseDefinitionBuilder().withStatus(200)
				.withHeader("Content-Type", "text/html; charset=utf-8")
				.withBody(X_HTML_PAGE.formatted(token))
				.build();
			case BAD_REQUEST -> response.withStatus(400)
				.withBody("{\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\","
						+ "\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}")
				.build();
			default -> response.withStatus(503)
				.withBody("{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\",\"type\":\"about:blank\",\"status\":503}")
				.build();
		};
	}

	private static void header(ArrayNode headers, String name, String value) {
		headers.addObject().put("name", name).put("value", value);
	}

	/** The {@code oauth_token} of an {@code Authorization: OAuth …} header; none for anything else (a Bearer token). */
	private static String oauthToken(Request request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.startsWith("OAuth ")) {
			return "";
		}
		Matcher token = OAUTH_TOKEN.matcher(authorization);
		return token.find() ? URLDecoder.decode(token.group(1), StandardCharsets.UTF_8) : "";
	}

	static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

}
