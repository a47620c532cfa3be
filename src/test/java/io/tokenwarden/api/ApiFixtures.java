package io.tokenwarden.api;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;

import java.time.Instant;
import java.util.UUID;

/** Agencies, people, accounts and API tokens for the status API's tests, each uniquely named. */
class ApiFixtures {

	private final AgencyDirectory agencies;

	private final AccountDirectory accounts;

	private final AccountTokens tokens;

	private final ApiTokens apiTokens;

	ApiFixtures(AgencyDirectory agencies, AccountDirectory accounts, AccountTokens tokens, ApiTokens apiTokens) {
		this.agencies = agencies;
		this.accounts = accounts;
		this.tokens = tokens;
		this.apiTokens = apiTokens;
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	long agency(String prefix) {
		return this.agencies.createAgency(prefix + " " + unique());
	}

	/** A new person with {@code role} in the agency; their email. */
	String member(long agencyId, Role role) {
		String email = "api-" + role.name().toLowerCase() + "-" + unique() + "@fixtures.test";
		this.agencies.addMember(agencyId, this.agencies.createUser(email, "API tester", "password-" + email), role);
		return email;
	}

	/** A new account linked to the agencies, its token in the status asked for; its id. */
	long account(Publisher publisher, String name, TokenStatus status, String reason, Instant expiresAt,
			long... agencyIds) {
		String externalId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
		long id = this.accounts.create(publisher, externalId, name, "owner-" + externalId + "@fixtures.test").id();
		for (long agencyId : agencyIds) {
			this.accounts.link(agencyId, id);
		}
		this.tokens.store(id, new NewToken(TokenSecret.of("EAAD-api-fixture-" + unique()),
				publisher == Publisher.X ? TokenSecret.of("x-secret-" + unique()) : null, expiresAt, null, "ads_read"), "test");
		if (status != TokenStatus.VALID) {
			this.tokens.changeStatus(id, status, reason, null, "test");
		}
		return id;
	}

	/** A new API token of the person for the agency; its plaintext. */
	String token(String email, long agencyId) {
		ApiTokens.Created created = this.apiTokens.create(email, agencyId, "token " + unique());
		return created.plaintext();
	}

}
