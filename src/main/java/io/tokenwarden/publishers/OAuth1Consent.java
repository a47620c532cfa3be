package io.tokenwarden.publishers;

import java.net.URI;

/**
 * X's three-legged OAuth 1.0a consent (RFC 5849 section 2, X's "Obtaining user access tokens"): a request
 * token for a callback, the browser sent to X to authorize it, and the access token for the verifier X
 * sends back. Calls throw {@link PublisherException} with the classified outcome when they cannot.
 */
public interface OAuth1Consent {

	/** Whether the consumer key and secret are configured; without them no call is made. */
	boolean configured();

	/**
	 * {@code POST /oauth/request_token} with {@code oauth_callback}; X must answer
	 * {@code oauth_callback_confirmed=true}, else the request token is not used.
	 */
	RequestToken requestToken(URI callback);

	/** Where the browser authorizes the request token: {@code /oauth/authorize?oauth_token=…}. */
	URI authorizationUri(RequestToken requestToken);

	/**
	 * {@code POST /oauth/access_token} with the verifier, signed with the request token's secret; never
	 * retried (X accepts a verifier once).
	 */
	AuthorizedUser accessToken(RequestToken requestToken, String verifier);

}
