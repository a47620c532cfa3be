package io.tokenwarden.sandbox;

import io.tokenwarden.tokens.TokenKind;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What the imitation publisher knows about a presented token, and the first reason it would refuse
 * it. Facebook and X turn the {@link Problem} into their own wire errors.
 */
record TokenState(Problem problem, TokenKind kind, long grantId, SandboxUser user, AccessLevel level, String scopes,
		Instant issuedAt, Instant expiresAt, Instant dataAccessExpiresAt) {

	/** Why a token is refused, in the order the publisher checks. */
	enum Problem {

		NONE, UNKNOWN, REVOKED, CHECKPOINT, PASSWORD_CHANGED, EXPIRED, DATA_ACCESS_EXPIRED

	}

	static TokenState unknown() {
		return new TokenState(Problem.UNKNOWN, null, 0, null, null, "", null, null, null);
	}

	boolean valid() {
		return this.problem == Problem.NONE;
	}

	boolean known() {
		return this.problem != Problem.UNKNOWN;
	}

	/** The granted scopes; Facebook writes them comma-separated, X space-separated. */
	List<String> scopeList() {
		return Arrays.stream(this.scopes.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
	}

}
