package io.tokenwarden.tokens;

import java.time.Instant;

/**
 * A token just obtained from a publisher, before it is stored: the access token and, for X, the OAuth 1.0a
 * token secret that signs every call with it (null for Facebook).
 */
public record NewToken(TokenSecret accessToken, TokenSecret tokenSecret, Instant expiresAt,
		Instant dataAccessExpiresAt, String scopes) {

	public NewToken {
		if (accessToken == null) {
			throw new IllegalArgumentException("a new token needs an access token");
		}
	}

}
