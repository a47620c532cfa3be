package io.tokenwarden.publishers;

import io.tokenwarden.tokens.TokenSecret;

import java.util.Objects;
import java.util.Optional;

/**
 * The credential Token Warden holds for an account: Facebook's access token alone, or X's OAuth 1.0a
 * {@code oauth_token} with the {@code oauth_token_secret} that signs every call made with it.
 *
 * @param tokenSecret null for Facebook
 */
public record HeldToken(TokenSecret accessToken, TokenSecret tokenSecret) {

	public HeldToken {
		Objects.requireNonNull(accessToken, "accessToken");
	}

	/** A credential without a token secret (Facebook). */
	public static HeldToken of(TokenSecret accessToken) {
		return new HeldToken(accessToken, null);
	}

	public Optional<TokenSecret> secret() {
		return Optional.ofNullable(this.tokenSecret);
	}

}
