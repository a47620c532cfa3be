package io.tokenwarden.tokens;

import java.time.Instant;

/** A token just obtained from a publisher, before it is stored. */
public record NewToken(TokenSecret accessToken, TokenSecret refreshToken, Instant expiresAt,
		Instant dataAccessExpiresAt, String scopes) {

	public NewToken {
		if (accessToken == null) {
			throw new IllegalArgumentException("a new token needs an access token");
		}
	}

}
