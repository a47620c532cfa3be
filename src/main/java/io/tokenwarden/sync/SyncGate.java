package io.tokenwarden.sync;

import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.tokens.AccountToken;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenKind;
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

	/**
	 * The account's credential for one call (X's with its token secret); {@link SyncPausedException} while
	 * the gate is closed.
	 */
	HeldToken token(long accountId) {
		AccountToken token = this.tokens.find(accountId).orElseThrow(() -> new SyncPausedException(Gate.noToken()));
		Gate gate = gateOf(token);
		if (!gate.open()) {
			throw new SyncPausedException(gate);
		}
		return new HeldToken(this.tokens.reveal(token, TokenKind.ACCESS).orElseThrow(() -> new SyncPausedException(gate)),
				this.tokens.reveal(token, TokenKind.TOKEN_SECRET).orElse(null));
	}

	private static Gate gateOf(AccountToken token) {
		return new Gate(token.status(), token.statusChangedAt());
	}

}
