package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenStatus;

import java.time.Instant;
import java.util.List;

/** One row of Config > Accounts. */
public record AccountRow(long id, Publisher publisher, String externalId, String name, String ownerEmail,
		TokenStatus status, String statusReason, String statusNote, Instant statusChangedAt, String statusChangedBy,
		Instant lastCheckedAt, Instant expiresAt, List<String> linkedAgencies) {

	AccountRow withLinkedAgencies(List<String> agencies) {
		return new AccountRow(this.id, this.publisher, this.externalId, this.name, this.ownerEmail, this.status,
				this.statusReason, this.statusNote, this.statusChangedAt, this.statusChangedBy, this.lastCheckedAt,
				this.expiresAt, List.copyOf(agencies));
	}

	public boolean valid() {
		return this.status == TokenStatus.VALID;
	}

	public boolean invalidated() {
		return this.status == TokenStatus.INVALIDATED;
	}

}
