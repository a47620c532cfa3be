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

import java.time.Clock;
import java.util.Set;

/**
 * Classifies X answers (docs/publishers.md, "X errors" and "Classification"), first match wins, for three kinds of endpoint:
 * the v2 API, the OAuth 2.0 token endpoint, and the Ads API. A bare 401 from the API never means
 * expired here: only a refused refresh does (see {@link XPublisher#inspect}).
 */
final class XErrors {

	private static final Logger log = LoggerFactory.getLogger(XErrors.class);

	private static final Publisher X = Publisher.X;

	private static final Set<String> REFRESH_REFUSED = Set.of("invalid_request", "invalid_grant");

	private static final Set<String> CLIENT_REFUSED = Set.of("unauthorized_client", "invalid_client");

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
		Evidence evidence = evidence(answer, problemType(answer.json()));
		if (answer.status() == 401) {
			return new Unreachable(evidence.withDetail("401 without a refresh attempt; only inspect can conclude"));
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
	 * A token endpoint answer that is not a success with {@code access_token}; null when it is one.
	 * A refused refresh grant is conclusive (expired); a refused authorization code only refuses that code.
	 */
	static PublisherOutcome tokenFailure(HttpAnswer answer, boolean refreshGrant, Clock clock) {
		PublisherOutcome common = transportOrThrottle(answer, clock);
		if (common != null) {
			return common;
		}
		String error = Json.text(answer.json(), "error");
		Evidence evidence = evidence(answer, error);
		if (error != null && CLIENT_REFUSED.contains(error)) {
			log.warn("X refused Token Warden's client credentials ({}); check the X app registration", error);
			return new Misconfigured(evidence.withDetail("client credentials refused"));
		}
		if ((answer.status() == 400 || answer.status() == 401) && error != null && REFRESH_REFUSED.contains(error)) {
			return refreshGrant ? new Expired(ExpiryReason.INVALID, evidence.withDetail("refresh token refused"))
					: new Refused(evidence.withDetail("authorization code refused"));
		}
		if (answer.status() == 401) {
			return new Misconfigured(evidence.withDetail("client authentication refused"));
		}
		if (!answer.isSuccess()) {
			return new Refused(evidence.withDetail("token request refused"));
		}
		if (Json.text(answer.json(), "access_token") == null) {
			return new Unreachable(evidence.withDetail(answer.json() == null ? answer.unusableBodyDetail()
					: "token answer without access_token"));
		}
		return null;
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
		String code = adsCode(answer.json());
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
			// the classic Ads API wants OAuth 1.0a; its 401 says nothing about our OAuth 2.0 token's life
			return new PermissionMissing(evidence.withDetail("not authorized for the Ads API"));
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

	private static String adsCode(JsonNode json) {
		JsonNode errors = json == null ? null : json.get("errors");
		return errors != null && errors.isArray() && !errors.isEmpty() ? Json.text(errors.get(0), "code") : null;
	}

}
