package io.tokenwarden.publishers;

import io.tokenwarden.tokens.TokenSecret;

import java.util.Objects;
import java.util.Optional;

/** The token pair Token Warden holds for an account; the refresh token is null where there is none. */
public record HeldToken(TokenSecret accessToken, TokenSecret refreshToken) {

	public HeldToken {
		Objects.requireNonNull(accessToken, "accessToken");
	}

	public static HeldToken of(TokenSecret accessToken) {
		return new HeldToken(accessToken, null);
	}

	public Optional<TokenSecret> refresh() {
		return Optional.ofNullable(this.refreshToken);
	}

}
