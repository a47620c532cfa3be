package io.tokenwarden.publishers.x;

import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.ExpiryReason;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.FundingSourceInvalid;
import io.tokenwarden.publishers.PublisherOutcome.Misconfigured;
import io.tokenwarden.publishers.PublisherOutcome.PermissionMissing;
import io.tokenwarden.publishers.PublisherOutcome.RateLimited;
import io.tokenwarden.publishers.PublisherOutcome.Refused;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.http.Faults;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.Json;
import io.tokenwarden.publishers.http.RetryAt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Classifies X answers (docs/publishers.md, "X OAuth 1.0a", "X errors" and "Classification"), first match wins,
 * for three kinds of endpoint: the v2 API, the OAuth 1.0a endpoints ({@code /oauth/*},
 * {@code /1.1/oauth/invalidate_token}) and the Ads API. A 401 refuses the credentials: code 32 ("Could not
 * authenticate you") means Token Warden's signature or consumer key, so it is our set-up; any other 401 means the
 * user's token (code 89, UNAUTHORIZED_ACCESS), which X's tokens only suffer when revoked. Many such 401s at once
 * are held as an outage by the health checks, not here: one answer cannot tell.
 */
final class XErrors {

	private static final Logger log = LoggerFactory.getLogger(XErrors.class);

	private static final Publisher X = Publisher.X;

	/** X's v1.1 error code for a request it could not authenticate: bad signature, consumer key or timestamp. */
	static final String NOT_AUTHENTICATED = "32";

	private static final Set<String> ADS_OUTAGE = Set.of("SERVICE_UNAVAILABLE", "OVER_CAPACITY", "INTERNAL_ERROR",
			"CANCELLED_REQUEST", "LOCK_ACQUISITION_TIMEOUT");

	private static final Set<String> ADS_RATE_LIMIT = Set.of("TOO_MANY_REQUESTS", "TWEET_RATE_LIMIT_EXCEEDED");

	private static final Set<String> ADS_FUNDING = Set.of("INVALID_FUNDING_INSTRUMENT",
			"FUNDING_INSTRUMENT_EXCEEDS_AVAILABLE_CREDIT_LIMIT", "FUNDING_INSTRUMENT_NOT_FOUND",
			"FUNDING_INSTRUMENT_ACCESS_NOT_ALLOWED", "SPEND_EXCEEDS_BUDGET");

	private XErrors() {
	}

	/** A v2 API answer that is not a success with {@code data}; null when it is one. */
	static PublisherOutcome apiFailure(HttpAnswer answer, Clock clock) {
		PublisherOutcome common = transportOrThrottle(answer, clock);
		if (common != null) {
			return common;
		}
		String code = errorCode(answer.json());
		Evidence evidence = evidence(answer, code != null ? code : problemType(answer.json()));
		if (answer.status() == 401) {
			return unauthorized(evidence, code);
		}
		if (answer.status() == 403) {
			return new PermissionMissing(evidence.withDetail("forbidden"));
		}
		if (!answer.isSuccess()) {
			return new Refused(evidence.withDetail("request refused"));
		}
		JsonNode data = answer.json() == null ? null : answer.json().get("data");
		if (data == null || !data.isObject()) {
			return new Unreachable(evidence.withDetail(answer.json() == null ? answer.unusableBodyDetail() : "answer without data"));
		}
		return null;
	}

	/**
	 * An {@code /oauth/request_token} or {@code /oauth/access_token} answer that is not a success with
	 * {@code oauth_token} and {@code oauth_token_secret}; null when it is one. A refused request token or
	 * verifier only refuses that consent; a refused signature is our set-up.
	 */
	static PublisherOutcome oauthFailure(HttpAnswer answer, Clock clock) {
		PublisherOutcome common = transportOrThrottle(answer, clock);
		if (common != null) {
			return common;
		}
		String code = errorCode(answer.json());
		Evidence evidence = evidence(answer, code);
		if (NOT_AUTHENTICATED.equals(code)) {
			return notAuthenticated(evidence);
		}
		if (!answer.isSuccess()) {
			return new Refused(evidence.withDetail("request token or verifier refused"));
		}
		Map<String, String> form = form(answer.body());
		if (form.get("oauth_token") == null || form.get("oauth_token_secret") == null) {
			return new Unreachable(evidence.withDetail("answer without oauth_token and oauth_token_secret"));
		}
		return null;
	}

	/** An {@code /1.1/oauth/invalidate_token} answer that is not a success; code 89 (already invalid) is one. */
	static PublisherOutcome invalidateFailure(HttpAnswer answer, Clock clock) {
		PublisherOutcome common = transportOrThrottle(answer, clock);
		if (common != null) {
			return common;
		}
		String code = errorCode(answer.json());
		if (answer.isSuccess() || (answer.status() == 401 && !NOT_AUTHENTICATED.equals(code))) {
			return null;
		}
		Evidence evidence = evidence(answer, code);
		return NOT_AUTHENTICATED.equals(code) ? notAuthenticated(evidence)
				: new Refused(evidence.withDetail("invalidation refused"));
	}

	/** The pairs of an {@code application/x-www-form-urlencoded} answer body; names without a value are left out. */
	static Map<String, String> form(String body) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (String pair : body.trim().split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && equals < pair.length() - 1) {
				pairs.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return pairs;
	}

	private static PublisherOutcome unauthorized(Evidence evidence, String code) {
		if (NOT_AUTHENTICATED.equals(code)) {
			return notAuthenticated(evidence);
		}
		return new Expired(ExpiryReason.INVALID, evidence.withDetail("token refused (revoked or invalid)"));
	}

	private static PublisherOutcome notAuthenticated(Evidence evidence) {
		log.warn("X could not authenticate Token Warden's signed request (code 32); check the consumer key and "
				+ "secret and this server's clock");
		return new Misconfigured(evidence.withDetail("signature or consumer key refused"));
	}

	/** An Ads API list answer that is not a success; null when it is one. The HTTP status's meaning comes first. */
	static PublisherOutcome adsFailure(HttpAnswer answer, Clock clock) {
		return adsFailure(answer, clock, true);
	}

	/** An Ads API update's answer (its {@code data} is the changed entity) that is not a success; null when it is one. */
	static PublisherOutcome adsWriteFailure(HttpAnswer answer, Clock clock) {
		return adsFailure(answer, clock, false);
	}

	private static PublisherOutcome adsFailure(HttpAnswer answer, Clock clock, boolean list) {
		if (answer.isFault() || answer.isRedirect()) {
			return transportOrThrottle(answer, clock);
		}
		String code = errorCode(answer.json());
		Evidence evidence = evidence(answer, code);
		if (answer.isServerError() || answer.status() == 408 || answer.status() == 423
				|| (code != null && ADS_OUTAGE.contains(code))) {
			return new Unreachable(evidence.withDetail("Ads API unavailable"));
		}
		if (answer.status() == 429 || (code != null && ADS_RATE_LIMIT.contains(code))) {
			return new RateLimited(RetryAt.x(answer.headers(), clock), evidence.withDetail("throttled"));
		}
		if (code != null && ADS_FUNDING.contains(code)) {
			return new FundingSourceInvalid(null, null, null, evidence.withDetail("funding instrument refused"));
		}
		if (answer.status() == 401 || "UNAUTHORIZED_ACCESS".equals(code)) {
			return unauthorized(evidence, code);
		}
		if (!answer.isSuccess()) {
			return new Refused(evidence.withDetail("Ads API request refused"));
		}
		JsonNode data = answer.json() == null ? null : answer.json().get("data");
		if (data == null || (list ? !data.isArray() : !data.isObject())) {
			return new Unreachable(evidence.withDetail(answer.json() == null ? answer.unusableBodyDetail() : "answer without data"));
		}
		return null;
	}

	private static PublisherOutcome transportOrThrottle(HttpAnswer answer, Clock clock) {
		if (answer.isFault()) {
			return Faults.ofFault(X, answer);
		}
		Evidence evidence = evidence(answer, problemType(answer.json()));
		if (answer.isRedirect()) {
			log.warn("X answered HTTP {} (a redirect); not followed", answer.status());
			return new Unreachable(evidence.withDetail("redirect, not followed"));
		}
		if (answer.isServerError()) {
			return new Unreachable(evidence.withDetail("server error"));
		}
		if (answer.status() == 429 || answer.status() == 420) {
			return new RateLimited(RetryAt.x(answer.headers(), clock), evidence.withDetail("throttled"));
		}
		return null;
	}

	static Evidence evidence(HttpAnswer answer, String code) {
		return new Evidence(X, answer.statusOrNull(), code, null, answer.header("x-transaction-id"), "answered");
	}

	// "https://api.x.com/2/problems/usage-capped" -> "usage-capped"; about:blank says nothing
	private static String problemType(JsonNode json) {
		String type = Json.text(json, "type");
		if (type == null || "about:blank".equals(type)) {
			return Json.text(json, "error");
		}
		return type.substring(type.lastIndexOf('/') + 1);
	}

	/** The first {@code errors[].code}: an Ads API word, or a v1.1 number such as 32 or 89. */
	private static String errorCode(JsonNode json) {
		JsonNode errors = json == null ? null : json.get("errors");
		return errors != null && errors.isArray() && !errors.isEmpty() ? Json.text(errors.get(0), "code") : null;
	}

}
