package io.tokenwarden.publishers;

import io.tokenwarden.tokens.TokenSecret;

import java.util.Objects;

/**
 * An OAuth 1.0a request token: the {@code oauth_token} that travels through the browser (X's authorize
 * page and the callback carry it) and its secret, which never leaves the server.
 */
public record RequestToken(String token, TokenSecret secret) {

	public RequestToken {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(secret, "secret");
	}

	@Override
	public String toString() {
		return "RequestToken[redacted]";
	}

}
