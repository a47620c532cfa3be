package io.tokenwarden.health;

import java.time.Instant;

/** What the health checks know of one account between checks. */
record AccountHealth(long accountId, Instant lastVerifiedAt, Instant unreachableSince, boolean unreachableNoticed,
		Instant billingProblemSince, Instant permissionProblemSince, Instant expiryIncidentOpenedAt, int remindersSent) {
}
