package io.tokenwarden.publishers.facebook;

import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.ExpiryReason;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.PermissionMissing;
import io.tokenwarden.publishers.PublisherOutcome.Unrecognised;
import io.tokenwarden.publishers.PublisherOutcome.Valid;
import io.tokenwarden.publishers.http.Json;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;

/**
 * Reads {@code debug_token}'s {@code data}. Meta answers HTTP 200 even for a dead token, so the verdict
 * is in {@code is_valid}, {@code data.error.subcode} and the two expiry times ({@code 0} = never). A
 * {@code data} without {@code is_valid} is {@link Unrecognised}: nothing in it says the token is dead.
 */
final class DebugTokens {

	private DebugTokens() {
	}

	static PublisherOutcome read(JsonNode data, Evidence answered, Clock clock) {
		JsonNode isValid = data.get("is_valid");
		if (isValid == null || !isValid.isBoolean()) {
			return new Unrecognised(answered.withDetail("debug_token answer without is_valid"));
		}
		Instant now = clock.instant();
		Instant expiresAt = Json.epochSeconds(data, "expires_at");
		Instant dataAccessExpiresAt = Json.epochSeconds(data, "data_access_expires_at");
		if (isValid.asBoolean()) {
			if (expiresAt != null && !expiresAt.isAfter(now)) {
				return new Expired(ExpiryReason.EXPIRED, answered.withDetail("expires_at has passed"));
			}
			if (dataAccessExpiresAt != null && !dataAccessExpiresAt.isAfter(now)) {
				return new Expired(ExpiryReason.DATA_ACCESS_EXPIRED,
						answered.withDetail("data_access_expires_at has passed"));
			}
			return new Valid(expiresAt, dataAccessExpiresAt, new HashSet<>(Json.strings(data, "scopes")),
					answered.withDetail("debug_token: valid"));
		}
		JsonNode error = data.get("error");
		Integer code = Json.integer(error, "code");
		Integer subcode = Json.integer(error, "subcode");
		Evidence evidence = new Evidence(answered.publisher(), answered.httpStatus(),
				code == null ? null : code.toString(), subcode == null ? null : subcode.toString(), answered.traceId(),
				"debug_token: not valid");
		if (Integer.valueOf(190).equals(code) && Integer.valueOf(492).equals(subcode)) {
			return new PermissionMissing(evidence.withDetail("debug_token: the user has no role on the Page"));
		}
		return new Expired(reasonWithoutBetterSubcode(subcode, expiresAt, dataAccessExpiresAt, now), evidence);
	}

	private static ExpiryReason reasonWithoutBetterSubcode(Integer subcode, Instant expiresAt,
			Instant dataAccessExpiresAt, Instant now) {
		ExpiryReason bySubcode = MetaErrors.reasonOf(subcode);
		if (bySubcode != ExpiryReason.INVALID) {
			return bySubcode;
		}
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			return ExpiryReason.EXPIRED;
		}
		if (dataAccessExpiresAt != null && !dataAccessExpiresAt.isAfter(now)) {
			return ExpiryReason.DATA_ACCESS_EXPIRED;
		}
		return ExpiryReason.INVALID;
	}

}
