package io.tokenwarden.publishers;

import io.tokenwarden.tokens.TokenSecret;

import java.net.URI;
import java.util.Objects;

/**
 * What an OAuth 2.0 callback (Facebook's) received, ready to exchange: the single-use code, the exact
 * redirect URI the consent used, and the PKCE verifier when the consent used PKCE.
 */
public record AuthorizationGrant(TokenSecret code, URI redirectUri, TokenSecret codeVerifier) {

	public AuthorizationGrant {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(redirectUri, "redirectUri");
	}

}
