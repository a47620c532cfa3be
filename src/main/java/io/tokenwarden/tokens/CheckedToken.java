package io.tokenwarden.tokens;

import java.time.Instant;

/** What one check learned of a token's lifetime (null: not said, the stored value stays). */
public record CheckedToken(long accountId, Instant expiresAt, Instant dataAccessExpiresAt) {
}
