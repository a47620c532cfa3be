package io.tokenwarden.refresh;

import io.tokenwarden.publishers.Publisher;

import java.time.Instant;

/**
 * An admin connected a publisher account to an agency through the publisher's consent: a new account,
 * one another agency had, or one this agency had already (then it was a refresh too).
 */
public record AccountConnected(long accountId, Publisher publisher, long agencyId, String actor, boolean created,
		Instant at) {
}
