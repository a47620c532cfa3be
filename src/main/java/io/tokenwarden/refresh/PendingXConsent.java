package io.tokenwarden.refresh;

import io.tokenwarden.publishers.RequestToken;
import io.tokenwarden.tokens.TokenSecret;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * An X consent this browser session is waiting for, kept in the HTTP session (Spring Session stores it
 * in PostgreSQL for every instance): the request token, which is the consent's single-use state, its
 * secret (never leaves the server), and who started it for which account and agency, since when. Never
 * taken from the callback.
 *
 * @param accountId the account being refreshed; null for a consent that connects a new account
 * @param ownerLink an owner's reconnect link's reference ({@link PendingRefresh#ownerLink}); null for an admin's
 */
record PendingXConsent(String requestToken, String requestTokenSecret, Long accountId, long agencyId, String actor,
		Instant startedAt, String ownerLink) implements Serializable {

	/** The session attribute; one pending X consent per session, as for OAuth 2.0's authorization request. */
	static final String SESSION_ATTRIBUTE = PendingXConsent.class.getName();

	/** Whether the callback's {@code oauth_token} is this consent's, compared in constant time. */
	boolean isFor(String oauthToken) {
		return oauthToken != null && MessageDigest.isEqual(this.requestToken.getBytes(StandardCharsets.UTF_8),
				oauthToken.getBytes(StandardCharsets.UTF_8));
	}

	boolean expiredAt(Instant now) {
		return this.startedAt.plus(PendingRefresh.LIFETIME).isBefore(now);
	}

	RequestToken token() {
		return new RequestToken(this.requestToken, TokenSecret.of(this.requestTokenSecret));
	}

	/** The refresh this consent belongs to, as the store and the audit read it. */
	PendingRefresh refresh() {
		return new PendingRefresh(this.accountId, this.agencyId, this.actor, this.startedAt, null, this.ownerLink);
	}

	@Override
	public String toString() {
		return "PendingXConsent[account=" + this.accountId + ", agency=" + this.agencyId + ", startedAt="
				+ this.startedAt + "]";
	}

}
