package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one place the sandbox's app credentials live: the demo configuration hands them to Token
 * Warden's OAuth clients, and the sandbox endpoints check them. They are demo values, not secrets.
 */
final class SandboxApps {

	static final String FACEBOOK_APP_ID = "138483919580948";

	static final String FACEBOOK_APP_SECRET = "sandbox-facebook-app-secret-2f6c1d";

	static final String X_CLIENT_ID = "c2FuZGJveC10b2tlbi13YXJkZW4";

	static final String X_CLIENT_SECRET = "sandbox-x-client-secret-9b41e7";

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

	/** X confidential clients authenticate with HTTP Basic {@code client_id:client_secret}. */
	static boolean isXClient(String authorizationHeader) {
		return AuthorizationHeader.basic(authorizationHeader)
			.filter(client -> same(X_CLIENT_ID, client.id()) && same(X_CLIENT_SECRET, client.secret()))
			.isPresent();
	}

	static String clientIdOf(Publisher publisher) {
		return publisher == Publisher.FACEBOOK ? FACEBOOK_APP_ID : X_CLIENT_ID;
	}

	static boolean same(String expected, String actual) {
		return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
