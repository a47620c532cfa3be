package io.tokenwarden.accounts;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Test data for the accounts tests, made through the modules' own APIs: agencies, people and
 * accounts with unique names, so that tests never see each other's rows (or the demo's).
 */
final class AccountFixtures {

	private final AgencyDirectory agencies;

	private final AccountDirectory accounts;

	private final AccountTokens tokens;

	private final JdbcClient jdbc;

	AccountFixtures(AgencyDirectory agencies, AccountDirectory accounts, AccountTokens tokens, JdbcClient jdbc) {
		this.agencies = agencies;
		this.accounts = accounts;
		this.tokens = tokens;
		this.jdbc = jdbc;
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** A new agency; its id. */
	long agency(String prefix) {
		return this.agencies.createAgency(prefix + " " + unique());
	}

	String agencyName(long agencyId) {
		return this.jdbc.sql("select name from agency where id = ?").param(agencyId).query(String.class).single();
	}

	/** A new person with {@code role} in the agency (their only one); their email. */
	String member(long agencyId, Role role) {
		String email = role.name().toLowerCase() + "-" + unique() + "@fixtures.test";
		this.agencies.addMember(agencyId, this.agencies.createUser(email, role.name() + " of a test", "password-" + email),
				role);
		return email;
	}

	/** A new account linked to the agencies given; its id. */
	long account(Publisher publisher, String externalId, String name, String ownerEmail, long... agencyIds) {
		long id = this.accounts.create(publisher, externalId, name, ownerEmail).id();
		for (long agencyId : agencyIds) {
			this.accounts.link(agencyId, id);
		}
		return id;
	}

	/** Gives the account a stored token, then the status (and reason) asked for. */
	void token(long accountId, TokenStatus status, String reason, Instant expiresAt, String actor) {
		this.tokens.store(accountId, new NewToken(TokenSecret.of("EAAD-fixture-" + unique()), null, expiresAt, null,
				"ads_read"), actor);
		if (status != TokenStatus.VALID) {
			this.tokens.changeStatus(accountId, status, reason, null, actor);
		}
	}

	/** When the account's token was last checked (no API sets it yet: the health checks are a later issue). */
	void lastChecked(long accountId, Instant at) {
		this.jdbc.sql("update account_token set last_checked_at = ? where account_id = ?")
			.params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), accountId)
			.update();
	}

	/** {@code count} Facebook accounts named "{prefix} 000", "{prefix} 001", ... linked to the agency. */
	void manyAccounts(long agencyId, String prefix, int count) {
		this.jdbc.sql("""
				with made as (
				    insert into publisher_account (publisher, external_id, name, owner_email)
				    select 'FACEBOOK', :prefix || '-' || g, :prefix || ' ' || lpad(g::text, 3, '0'), 'p' || g || '@pages.test'
				    from generate_series(0, :count - 1) g returning id)
				insert into agency_account_link (agency_id, account_id) select :agency, id from made""")
			.param("prefix", prefix)
			.param("count", count)
			.param("agency", agencyId)
			.update();
	}

}
