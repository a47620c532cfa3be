package io.tokenwarden.sandbox;

/** What an authorization code stood for, once it has been spent. */
record RedeemedCode(long userId, AccessLevel level, String scopes, String clientId, String redirectUri,
		String codeChallenge) {
}
