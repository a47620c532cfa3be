package io.tokenwarden.publishers;

import io.tokenwarden.tokens.TokenSecret;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A credential a publisher just issued, before it is stored.
 *
 * @param tokenSecret X's OAuth 1.0a token secret; null for Facebook
 * @param expiresAt null when the publisher did not say, or (X) the token does not expire
 */
public record GrantedTokens(TokenSecret accessToken, TokenSecret tokenSecret, Instant expiresAt, Set<String> scopes) {

	public GrantedTokens {
		Objects.requireNonNull(accessToken, "accessToken");
		scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
	}

	/** The credential as every later call presents it. */
	public HeldToken held() {
		return new HeldToken(this.accessToken, this.tokenSecret);
	}

}
