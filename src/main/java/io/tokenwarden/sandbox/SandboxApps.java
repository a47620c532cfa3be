package io.tokenwarden.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one place the sandbox's app credentials live: the demo configuration hands them to Token
 * Warden's OAuth clients, and the sandbox endpoints check them. They are demo values, not secrets.
 */
final class SandboxApps {

	static final String FACEBOOK_APP_ID = "138483919580948";

	static final String FACEBOOK_APP_SECRET = "sandbox-facebook-app-secret-2f6c1d";

	/** The X app's OAuth 1.0a consumer key and secret, which sign every call to the sandbox X. */
	static final String X_CONSUMER_KEY = "c2FuZGJveC10b2tlbi13YXJkZW4";

	static final String X_CONSUMER_SECRET = "sandbox-x-consumer-secret-9b41e7";

	/** The app name both consent pages show. */
	static final String APP_NAME = "Token Warden";

	private SandboxApps() {
	}

	static boolean isFacebookApp(String clientId, String clientSecret) {
		return same(FACEBOOK_APP_ID, clientId) && same(FACEBOOK_APP_SECRET, clientSecret);
	}

	/** Facebook's app access token is {@code app_id|app_secret}. */
	static boolean isFacebookAppToken(String token) {
		return same(FACEBOOK_APP_ID + "|" + FACEBOOK_APP_SECRET, token);
	}


	static boolean same(String expected, String actual) {
		return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
