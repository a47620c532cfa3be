package io.tokenwarden.invalidation;

import io.tokenwarden.publishers.Publisher;

import java.time.Instant;

/** An admin invalidated an account's token for every agency it is linked to. */
public record TokenInvalidated(long accountId, Publisher publisher, String actor, long agencyId,
		InvalidationReason reason, String note, Instant at) {
}
