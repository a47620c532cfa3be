package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;

import java.time.Instant;

/** A consent that was taken back, by the app (a revoke call) or by the user (at the publisher). */
record RevokedGrant(long id, Publisher publisher, String userName, String externalId, AccessLevel level, String scopes,
		Instant revokedAt, String revokedBy) {
}
