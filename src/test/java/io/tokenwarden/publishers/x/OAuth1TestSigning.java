package io.tokenwarden.publishers.x;

import io.tokenwarden.tokens.TokenSecret;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Token Warden's own OAuth 1.0a signer for tests outside this package that call the sandbox X by hand
 * (the sandbox's checks against any header a test wants, good or broken).
 */
public final class OAuth1TestSigning {

	private OAuth1TestSigning() {
	}

	/** The {@code Authorization} header for a request, as the X adapter would sign it. */
	public static String authorization(String method, URI url, String consumerKey, String consumerSecret, String token,
			String tokenSecret, Map<String, String> extra, Clock clock) {
		return new OAuth1Signer(consumerKey, TokenSecret.of(consumerSecret), clock).authorization(method, url, Map.of(),
				token, tokenSecret == null ? null : TokenSecret.of(tokenSecret), extra);
	}

}
