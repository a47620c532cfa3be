package io.tokenwarden.publishers.facebook;

import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.ExpiryReason;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.FundingSourceInvalid;
import io.tokenwarden.publishers.PublisherOutcome.Misconfigured;
import io.tokenwarden.publishers.PublisherOutcome.PermissionMissing;
import io.tokenwarden.publishers.PublisherOutcome.RateLimited;
import io.tokenwarden.publishers.PublisherOutcome.Refused;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.PublisherOutcome.Unrecognised;
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
 * Classifies Graph API answers (docs/publishers.md, "Graph errors" and "Classification"), first match
 * wins. Branches on Meta's {@code code}/{@code error_subcode}, not on the HTTP status, except that any 5xx
 * is an outage. An answer it cannot read is {@link Unrecognised}, logged by its shape.
 */
final class MetaErrors {

	private static final Logger log = LoggerFactory.getLogger(MetaErrors.class);

	private static final Publisher FACEBOOK = Publisher.FACEBOOK;

	private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 341, 613);

	private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 104, 960, -2);

	private static final Set<Integer> PERMISSION_CODES = Set.of(3, 10, 294);

	private MetaErrors() {
	}

	/** The outcome of an answer that is not a usable success, or null when it is one. */
	static PublisherOutcome failureOf(HttpAnswer answer, Clock clock) {
		if (answer.isFault()) {
			return Faults.ofFault(FACEBOOK, answer);
		}
		Evidence evidence = evidence(answer);
		if (answer.isRedirect()) {
			log.warn("Facebook answered HTTP {} (a redirect); not followed", answer.status());
			return new Unreachable(evidence.withDetail("redirect, not followed"));
		}
		if (answer.isServerError()) {
			return new Unreachable(evidence.withDetail("server error"));
		}
		JsonNode json = answer.json();
		if (json == null) {
			// PY-SDK's rule: a 200 saying "Service Unavailable" is Meta being down; any other unreadable body is ours to puzzle over
			return answer.body().contains("Service Unavailable") ? new Unreachable(evidence.withDetail(answer.unusableBodyDetail()))
					: unrecognised(answer, answer.unusableBodyDetail());
		}
		JsonNode error = json.get("error");
		if (error != null && error.isObject()) {
			return classify(Json.integer(error, "code"), subcode(error), error.path("is_transient").asBoolean(false),
					evidence, answer, clock);
		}
		if (!answer.isSuccess()) {
			return unrecognised(answer, "unexpected answer without an error code");
		}
		return null;
	}

	/**
	 * An answer the classifier cannot read, logged with its shape (status, content type, length, top-level
	 * keys) and never its body, which may echo a token.
	 */
	static Unrecognised unrecognised(HttpAnswer answer, String detail) {
		log.warn("Couldn't read Facebook's answer ({}): {}", detail, answer.shape());
		return new Unrecognised(evidence(answer).withDetail(detail + " (" + answer.shape() + ")"));
	}

	/** The body of a usable success; otherwise the classified failure, thrown. */
	static JsonNode requireSuccess(HttpAnswer answer, Clock clock) {
		PublisherOutcome failure = failureOf(answer, clock);
		if (failure != null) {
			throw new PublisherException(failure);
		}
		return answer.json();
	}

	static PublisherOutcome classify(Integer code, Integer subcode, boolean isTransient, Evidence evidence,
			HttpAnswer answer, Clock clock) {
		int c = code == null ? 0 : code;
		int sub = subcode == null ? 0 : subcode;
		if (RATE_LIMIT_CODES.contains(c) || (c >= 80000 && c <= 80014)) {
			return new RateLimited(RetryAt.meta(answer.headers(), clock), evidence.withDetail("throttled"));
		}
		if (TRANSIENT_CODES.contains(c) || isTransient) {
			return new Unreachable(evidence.withDetail("temporary error at Meta"));
		}
		if (c == 190 && sub == 492) {
			return new PermissionMissing(evidence.withDetail("the user has no role on the Page"));
		}
		if (c == 190 || c == 102) {
			return new Expired(reasonOf(subcode), evidence.withDetail("token refused"));
		}
		if (c == 100 && sub == 1359188) {
			return new FundingSourceInvalid(null, null, null, evidence.withDetail("payment method declined"));
		}
		if (PERMISSION_CODES.contains(c) || (c >= 200 && c <= 299)) {
			return new PermissionMissing(evidence.withDetail("permission missing"));
		}
		if (c == 101) {
			return new Misconfigured(evidence.withDetail("the app's credentials were refused"));
		}
		return new Refused(evidence.withDetail(code == null ? "error without a code" : "request refused"));
	}

	/** The {@link ExpiryReason} for a 190 subcode (also {@code debug_token}'s {@code data.error.subcode}). */
	static ExpiryReason reasonOf(Integer subcode) {
		if (subcode == null) {
			return ExpiryReason.INVALID;
		}
		return switch (subcode) {
			case 460 -> ExpiryReason.PASSWORD_CHANGED;
			case 463 -> ExpiryReason.EXPIRED;
			case 458 -> ExpiryReason.APP_REMOVED;
			case 459, 464 -> ExpiryReason.CHECKPOINT;
			case 467 -> ExpiryReason.LOGGED_OUT;
			default -> ExpiryReason.INVALID;
		};
	}

	/** Status, code, subcode and trace id of an answer, before it is classified. */
	static Evidence evidence(HttpAnswer answer) {
		JsonNode error = answer.json() == null ? null : answer.json().get("error");
		String trace = Json.text(error, "fbtrace_id");
		if (trace == null) {
			trace = answer.header("x-fb-trace-id");
		}
		Integer code = Json.integer(error, "code");
		Integer subcode = subcode(error);
		return new Evidence(FACEBOOK, answer.statusOrNull(), code == null ? null : code.toString(),
				subcode == null ? null : subcode.toString(), trace, "answered");
	}

	// the envelope says error_subcode; debug_token's data.error says subcode
	private static Integer subcode(JsonNode error) {
		Integer subcode = Json.integer(error, "error_subcode");
		return subcode != null ? subcode : Json.integer(error, "subcode");
	}

}
