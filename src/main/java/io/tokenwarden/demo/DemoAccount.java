package io.tokenwarden.demo;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;

import java.time.Instant;

/**
 * A publisher account the demo seeded, with the token values, expiry, scopes and status it gave it
 * (for the sandbox, which must recognise those tokens and break the expired ones the same way).
 * {@code tokenSecret} is X's OAuth 1.0a token secret (null for Facebook); {@code statusReason} is null
 * for valid tokens.
 */
public record DemoAccount(long accountId, Publisher publisher, String externalId, String name, TokenSecret accessToken,
		TokenSecret tokenSecret, Instant expiresAt, Instant dataAccessExpiresAt, String scopes, TokenStatus status,
		String statusReason) {
}
