package io.tokenwarden.members;

import io.tokenwarden.agencies.Role;

import java.time.Instant;

/** An invitation to join an agency, as stored. */
record Invitation(long id, long agencyId, String agencyName, String email, Role role, String invitedBy,
		Instant createdAt, Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

	/** Neither accepted nor revoked, and not expired at {@code now}. */
	boolean openAt(Instant now) {
		return this.acceptedAt == null && this.revokedAt == null && this.expiresAt.isAfter(now);
	}

}
