package io.tokenwarden.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tokenwarden.accounts.AccountRow;

import java.time.Instant;
import java.util.List;

/** The status API's JSON of an account: what Config > Accounts shows of it, and its recent checks on its own page. */
record AccountStatus(long id, String publisher, String externalId, String name, String ownerEmail, String status,
		String reason, Instant expiresAt, Instant lastCheckedAt, int linkedAgencies,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<Check> recentChecks) {

	/** One health check of the account. */
	record Check(Instant checkedAt, String outcome, String reason) {
	}

	static AccountStatus of(AccountRow row, List<Check> checks) {
		return new AccountStatus(row.id(), row.publisher().name(), row.externalId(), row.name(), row.ownerEmail(),
				row.status() == null ? null : row.status().name(), row.statusReason(), row.expiresAt(),
				row.lastCheckedAt(), row.linkedAgencies().size(), checks);
	}

	/** One page of accounts and where it is among all of them. */
	record Page(List<AccountStatus> accounts, int page, int size, long totalElements, int totalPages) {
	}

}
