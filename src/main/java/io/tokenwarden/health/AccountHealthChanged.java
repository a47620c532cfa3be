package io.tokenwarden.health;

import io.tokenwarden.publishers.Publisher;

import java.time.Instant;

/**
 * Published inside the transaction that decided it, where the email notice of the same news is decided:
 * an account's token expired, is about to, its billing broke, or a problem reported earlier is over.
 * Reminders are not published: one event per incident, and one for its recovery.
 *
 * @param key identifies the incident (or its recovery), the same for every instance that decides it, so a
 * listener that keeps one message per key sends one
 * @param reason for {@link HealthChange#EXPIRED} and {@link HealthChange#EXPIRY_WARNING}, a {@code reason.*} name
 * @param expiresAt for {@link HealthChange#EXPIRY_WARNING}, when the token (or its data access) expires
 */
public record AccountHealthChanged(HealthChange change, long accountId, Publisher publisher, String externalId,
		String accountName, String reason, Instant at, Instant expiresAt, String key) {

	/** What happened to the account. */
	public enum HealthChange {

		EXPIRED, EXPIRY_WARNING, FUNDING_PROBLEM, RECOVERED

	}

}
