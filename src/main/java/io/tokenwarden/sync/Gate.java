package io.tokenwarden.sync;

import io.tokenwarden.tokens.TokenStatus;

import java.time.Instant;

/**
 * Whether sync may use an account's token: only while it is VALID. {@code since} is when the token got
 * its status, so a closed gate can say "token invalid since"; both are null when there is no token.
 */
record Gate(TokenStatus status, Instant since) {

	static Gate noToken() {
		return new Gate(null, null);
	}

	public boolean open() {
		return this.status == TokenStatus.VALID;
	}

}
