package io.tokenwarden.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads an {@code Authorization} header the ways Facebook accepts: Bearer tokens and HTTP Basic clients (X signs with OAuth 1.0a: {@link XSignatures}). */
final class AuthorizationHeader {

	private AuthorizationHeader() {
	}

	/** The Bearer token, or null. */
	static String bearer(String header) {
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).trim();
		}
		return null;
	}

	/** The HTTP Basic {@code id} and {@code secret}; empty when absent or malformed. */
	static Optional<Basic> basic(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? Optional.empty()
					: Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** A client's HTTP Basic credentials. */
	record Basic(String id, String secret) {
	}

}
