package io.tokenwarden.tokens;

import java.time.Instant;

/**
 * What one check learned of a token, for {@link AccountTokens#applyCheck}: when it was checked, until when it and its
 * data access last (null: not said, the stored value stays), and the status it now has (null: unchanged) with the
 * reason and who decided it.
 */
public record CheckFindings(Instant checkedAt, Instant expiresAt, Instant dataAccessExpiresAt, TokenStatus status,
		String statusReason, String actor) {

	/** A check that found the token as it was, and learned these times. */
	public static CheckFindings checked(Instant checkedAt, Instant expiresAt, Instant dataAccessExpiresAt) {
		return new CheckFindings(checkedAt, expiresAt, dataAccessExpiresAt, null, null, null);
	}

	/** The same findings, with the token's new status. */
	public CheckFindings withStatus(TokenStatus newStatus, String reason, String decidedBy) {
		return new CheckFindings(this.checkedAt, this.expiresAt, this.dataAccessExpiresAt, newStatus, reason, decidedBy);
	}

}
