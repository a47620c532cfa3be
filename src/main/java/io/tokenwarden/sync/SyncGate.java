package io.tokenwarden.sync;

import io.tokenwarden.tokens.AccountToken;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenKind;
import io.tokenwarden.tokens.TokenSecret;
import org.springframework.stereotype.Component;

/**
 * The gate in front of every publisher call sync makes: the token is read afresh before each call, and
 * only a VALID one is ever revealed. An EXPIRED or INVALIDATED token never leaves this class.
 */
@Component
class SyncGate {

	private final AccountTokens tokens;

	SyncGate(AccountTokens tokens) {
		this.tokens = tokens;
	}

	Gate of(long accountId) {
		return this.tokens.find(accountId).map(SyncGate::gateOf).orElseGet(Gate::noToken);
	}

	/** The account's access token for one call; {@link SyncPausedException} while the gate is closed. */
	TokenSecret token(long accountId) {
		AccountToken token = this.tokens.find(accountId).orElseThrow(() -> new SyncPausedException(Gate.noToken()));
		Gate gate = gateOf(token);
		if (!gate.open()) {
			throw new SyncPausedException(gate);
		}
		return this.tokens.reveal(token, TokenKind.ACCESS).orElseThrow(() -> new SyncPausedException(gate));
	}

	private static Gate gateOf(AccountToken token) {
		return new Gate(token.status(), token.statusChangedAt());
	}

}
