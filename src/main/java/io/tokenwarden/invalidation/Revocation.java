package io.tokenwarden.invalidation;

import java.time.Instant;

/** A revocation at the publisher as admins see it on the account page: pending, done or failed. */
public record Revocation(long id, String status, int attempts, String lastError, String requestedBy,
		Instant requestedAt, Instant completedAt) {
}
