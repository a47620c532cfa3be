package io.tokenwarden.publishers;

import io.tokenwarden.tokens.TokenSecret;

import java.net.URI;
import java.util.Objects;

/**
 * What the OAuth callback received, ready to exchange: the single-use code, the exact redirect URI the
 * consent used, and the PKCE verifier (required for X, optional for Facebook).
 */
public record AuthorizationGrant(TokenSecret code, URI redirectUri, TokenSecret codeVerifier) {

	public AuthorizationGrant {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(redirectUri, "redirectUri");
	}

}
