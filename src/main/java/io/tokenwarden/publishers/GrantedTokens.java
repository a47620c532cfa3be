package io.tokenwarden.publishers;

import io.tokenwarden.tokens.TokenSecret;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tokens a publisher just issued. For X the refresh token rotates: once this pair exists the held
 * refresh token is spent, so the caller must persist this pair before anything else.
 *
 * @param refreshToken null when the publisher issued none (Facebook; X without {@code offline.access}, or
 * a refresh answer that did not rotate it, in which case the caller keeps the old one)
 * @param expiresAt null when the publisher did not say
 */
public record GrantedTokens(TokenSecret accessToken, TokenSecret refreshToken, Instant expiresAt, Set<String> scopes) {

	public GrantedTokens {
		Objects.requireNonNull(accessToken, "accessToken");
		scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
	}

	public Optional<TokenSecret> newRefreshToken() {
		return Optional.ofNullable(this.refreshToken);
	}

}
