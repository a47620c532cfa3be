package io.tokenwarden.publishers.http;

import io.tokenwarden.tokens.TokenSecret;

import java.net.URI;
import java.util.Objects;

/**
 * Token Warden's OAuth 2.0 client at Facebook: client id, client secret
 * and token endpoint, from {@code spring.security.oauth2.client.*}.
 */
public record AppCredentials(String clientId, TokenSecret clientSecret, URI tokenUri) {

	public AppCredentials {
		Objects.requireNonNull(tokenUri, "tokenUri");
		clientId = clientId == null || clientId.isBlank() ? null : clientId.trim();
	}

	public boolean hasClientId() {
		return this.clientId != null;
	}

	public boolean hasClientSecret() {
		return this.clientSecret != null;
	}

	@Override
	public String toString() {
		return "AppCredentials[clientId=" + this.clientId + ", tokenUri=" + this.tokenUri + "]";
	}

}
