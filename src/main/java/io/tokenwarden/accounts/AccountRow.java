package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenStatus;

import java.time.Instant;
import java.util.List;

/** One row of Config > Accounts. */
public record AccountRow(long id, Publisher publisher, String externalId, String name, String ownerEmail,
		TokenStatus status, String statusReason, String statusNote, Instant statusChangedAt, String statusChangedBy,
		Instant lastCheckedAt, Instant expiresAt, List<String> linkedAgencies) {

	public boolean valid() {
		return this.status == TokenStatus.VALID;
	}

	public boolean invalidated() {
		return this.status == TokenStatus.INVALIDATED;
	}

}
