package io.tokenwarden.refresh;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenStatus;

import java.time.Instant;

/** An admin refreshed an account's token through the publisher's consent; it is valid again. */
public record TokenRefreshed(long accountId, Publisher publisher, TokenStatus previousStatus, String actor,
		long agencyId, Instant at) {
}
