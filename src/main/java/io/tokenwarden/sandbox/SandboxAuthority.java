package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.sandbox.TokenState.Problem;
import io.tokenwarden.tokens.TokenKind;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The imitation publishers' authorization server: codes, grants and tokens. Only hashes of code and
 * token values reach the database; a value is seen in plaintext once, in the answer that issues it.
 */
@Component
@Profile("demo")
class SandboxAuthority {

	static final String BY_APP = "APP";

	static final String BY_USER = "USER";

	static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	SandboxAuthority(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new single-use code for a consent, valid for ten minutes. */
	String issueCode(Publisher publisher, long userId, AccessLevel level, String scopes, String clientId,
			String redirectUri, String codeChallenge) {
		String code = SandboxSecrets.newValue(publisher == Publisher.FACEBOOK ? "AQ" : "");
		this.jdbc.sql("""
				insert into sandbox_code (code_hash, publisher, user_id, access_level, scopes, client_id, redirect_uri,
				    code_challenge, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(SandboxSecrets.hash(code), publisher.name(), userId, level.name(), scopes, clientId, redirectUri,
					codeChallenge, SandboxTimes.at(this.clock.instant().plus(CODE_LIFETIME)))
			.update();
		return code;
	}

	/** Spends a code: empty when it is unknown, already used or expired (one statement, so no double spend). */
	Optional<RedeemedCode> redeemCode(Publisher publisher, String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				update sandbox_code set used_at = ?
				where code_hash = ? and publisher = ? and used_at is null and expires_at > ?
				returning user_id, access_level, scopes, client_id, redirect_uri, code_challenge""")
			.params(SandboxTimes.at(now), SandboxSecrets.hash(code), publisher.name(), SandboxTimes.at(now))
			.query((rs, n) -> new RedeemedCode(rs.getLong("user_id"), AccessLevel.valueOf(rs.getString("access_level")),
					rs.getString("scopes"), rs.getString("client_id"), rs.getString("redirect_uri"),
					rs.getString("code_challenge")))
			.optional();
	}

	long createGrant(long userId, AccessLevel level, String scopes) {
		return this.jdbc.sql("""
				insert into sandbox_grant (user_id, access_level, scopes, created_at) values (?, ?, ?, ?) returning id""")
			.params(userId, level.name(), scopes == null ? "" : scopes, SandboxTimes.at(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	/** A new token value for the grant, issued under the user's current password. */
	String issueToken(long grantId, Publisher publisher, TokenKind kind, Instant expiresAt, Instant dataAccessExpiresAt) {
		String value = SandboxSecrets.newValue(publisher == Publisher.FACEBOOK ? "EAAD" : "");
		registerToken(grantId, kind, value, expiresAt, dataAccessExpiresAt);
		return value;
	}

	/** Makes a value Token Warden already holds (the demo's seeded tokens) known to the publisher. */
	void registerToken(long grantId, TokenKind kind, String value, Instant expiresAt, Instant dataAccessExpiresAt) {
		registerToken(grantId, kind, value, null, expiresAt, dataAccessExpiresAt);
	}

	/** The same for an X OAuth 1.0a token with its secret, which X's signatures are checked against. */
	void registerToken(long grantId, TokenKind kind, String value, String secret, Instant expiresAt,
			Instant dataAccessExpiresAt) {
		this.jdbc.sql("""
				insert into sandbox_token (token_hash, grant_id, kind, password_version, issued_at, expires_at,
				    data_access_expires_at, secret_sealed)
				select ?, g.id, ?, u.password_version, ?, ?, ?, ?
				from sandbox_grant g join sandbox_user u on u.id = g.user_id where g.id = ?""")
			.params(SandboxSecrets.hash(value), kind.name(), SandboxTimes.at(this.clock.instant()),
					SandboxTimes.at(expiresAt), SandboxTimes.at(dataAccessExpiresAt),
					secret == null ? null : SandboxSecrets.seal(value, secret), grantId)
			.update();
	}

	/** The secret of an X token, for checking a signature made with it; empty for an unknown token. */
	Optional<String> tokenSecret(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select secret_sealed from sandbox_token where token_hash = ? and secret_sealed is not null")
			.param(SandboxSecrets.hash(value))
			.query((rs, n) -> SandboxSecrets.unseal(value, rs.getBytes(1)))
			.optional();
	}

	/** What the publisher thinks of a presented token value. */
	TokenState lookup(Publisher publisher, String value) {
		if (value == null || value.isBlank()) {
			return TokenState.unknown();
		}
		return this.jdbc.sql("""
				select t.kind, t.password_version as token_password, t.issued_at, t.expires_at, t.data_access_expires_at,
				    g.id as grant_id, g.access_level, g.scopes, g.revoked_at as grant_revoked_at,
				    u.id, u.publisher, u.external_id, u.name, u.password_version, u.checkpointed
				from sandbox_token t
				join sandbox_grant g on g.id = t.grant_id
				join sandbox_user u on u.id = g.user_id
				where t.token_hash = ? and u.publisher = ?""")
			.params(SandboxSecrets.hash(value), publisher.name())
			.query((rs, n) -> state(rs))
			.optional()
			.orElseGet(TokenState::unknown);
	}

	private TokenState state(ResultSet rs) throws SQLException {
		SandboxUser user = new SandboxUser(rs.getLong("id"), Publisher.valueOf(rs.getString("publisher")),
				rs.getString("external_id"), rs.getString("name"), rs.getInt("password_version"),
				rs.getBoolean("checkpointed"));
		Instant expiresAt = SandboxTimes.read(rs, "expires_at");
		Instant dataAccessExpiresAt = SandboxTimes.read(rs, "data_access_expires_at");
		Instant now = this.clock.instant();
		Problem problem = Problem.NONE;
		if (rs.getObject("grant_revoked_at") != null) {
			problem = Problem.REVOKED;
		}
		else if (user.checkpointed()) {
			problem = Problem.CHECKPOINT;
		}
		else if (rs.getInt("token_password") < user.passwordVersion()) {
			problem = Problem.PASSWORD_CHANGED;
		}
		else if (expiresAt != null && !expiresAt.isAfter(now)) {
			problem = Problem.EXPIRED;
		}
		else if (dataAccessExpiresAt != null && !dataAccessExpiresAt.isAfter(now)) {
			problem = Problem.DATA_ACCESS_EXPIRED;
		}
		return new TokenState(problem, TokenKind.valueOf(rs.getString("kind")), rs.getLong("grant_id"), user,
				AccessLevel.valueOf(rs.getString("access_level")), rs.getString("scopes"),
				SandboxTimes.read(rs, "issued_at"), expiresAt, dataAccessExpiresAt);
	}

	int revokeGrant(long grantId, String by) {
		return this.jdbc.sql("update sandbox_grant set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
			.params(SandboxTimes.at(this.clock.instant()), by, grantId)
			.update();
	}

	/** Takes back every consent the user gave the app (Facebook's revoke is app-wide for the person). */
	int revokeGrants(long userId, String by) {
		return this.jdbc.sql("update sandbox_grant set revoked_at = ?, revoked_by = ? where user_id = ? and revoked_at is null")
			.params(SandboxTimes.at(this.clock.instant()), by, userId)
			.update();
	}

	/** Lets every live token of the user expire now. */
	int expireTokens(long userId) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				update sandbox_token set expires_at = ?
				where grant_id in (select id from sandbox_grant where user_id = ?) and (expires_at is null or expires_at > ?)""")
			.params(SandboxTimes.at(now.minusSeconds(60)), userId, SandboxTimes.at(now))
			.update();
	}

	/** Ends the 90-day data-access window of every token of the user. */
	int expireDataAccess(long userId) {
		return this.jdbc.sql("""
				update sandbox_token set data_access_expires_at = ?
				where grant_id in (select id from sandbox_grant where user_id = ?)""")
			.params(SandboxTimes.at(this.clock.instant().minus(Duration.ofDays(1))), userId)
			.update();
	}

	List<RevokedGrant> revokedGrants(int limit) {
		return this.jdbc.sql("""
				select g.id, u.publisher, u.name, u.external_id, g.access_level, g.scopes, g.revoked_at, g.revoked_by
				from sandbox_grant g join sandbox_user u on u.id = g.user_id
				where g.revoked_at is not null order by g.revoked_at desc, g.id desc limit ?""")
			.param(limit)
			.query((rs, n) -> new RevokedGrant(rs.getLong("id"), Publisher.valueOf(rs.getString("publisher")),
					rs.getString("name"), rs.getString("external_id"), AccessLevel.valueOf(rs.getString("access_level")),
					rs.getString("scopes"), SandboxTimes.read(rs, "revoked_at"), rs.getString("revoked_by")))
			.list();
	}

}
