package io.tokenwarden.health;

import io.tokenwarden.tokens.AccountToken;
import io.tokenwarden.tokens.TokenStatus;

import java.time.Instant;

/** What a check's decision needs to know of the token it asked about: its status and how long it lasts. */
record TokenFacts(TokenStatus status, String statusReason, Instant expiresAt, Instant dataAccessExpiresAt) {

	static TokenFacts of(AccountToken token) {
		return new TokenFacts(token.status(), token.statusReason(), token.expiresAt(), token.dataAccessExpiresAt());
	}

}
