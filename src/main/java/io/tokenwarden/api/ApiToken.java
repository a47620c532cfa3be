package io.tokenwarden.api;

import java.time.Instant;

/** One of a person's API tokens as their page lists it: never the token itself. */
public record ApiToken(long id, String name, long agencyId, String agencyName, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean revoked() {
		return this.revokedAt != null;
	}

}
