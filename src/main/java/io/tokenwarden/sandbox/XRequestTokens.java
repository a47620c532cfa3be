package io.tokenwarden.sandbox;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The imitation X's OAuth 1.0a request tokens: issued for a callback, then authorized by one user (a
 * verifier) or denied on the consent page, then exchanged once for an access token. A request token
 * lives ten minutes; each step happens once, in one guarded statement, so a replay or a race loses.
 */
@Component
@Profile("demo")
class XRequestTokens {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	XRequestTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A request token waiting on the consent page: where its user goes back to. */
	record UndecidedRequest(String callback) {
	}

	/** A request token as issued: its value and its secret, each seen once, in the answer that issues them. */
	record Issued(String token, String secret) {

		@Override
		public String toString() {
			return "Issued[redacted]";
		}

	}

	/** A new request token and its secret, for {@code callback}. */
	Issued issue(String callback) {
		String token = SandboxSecrets.newValue("");
		String secret = SandboxSecrets.newValue("");
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from sandbox_request_token where expires_at < ?").param(SandboxTimes.at(now.minus(LIFETIME))).update();
		this.jdbc.sql("""
				insert into sandbox_request_token (token_hash, secret_sealed, callback, issued_at, expires_at)
				values (?, ?, ?, ?, ?)""")
			.params(SandboxSecrets.hash(token), SandboxSecrets.seal(token, secret), callback, SandboxTimes.at(now),
					SandboxTimes.at(now.plus(LIFETIME)))
			.update();
		return new Issued(token, secret);
	}

	/** The secret of a request token, for checking an exchange's signature (a spent one's too: the exchange refuses it). */
	Optional<String> secret(String token) {
		return this.jdbc.sql("select secret_sealed from sandbox_request_token where token_hash = ?")
			.param(SandboxSecrets.hash(token))
			.query((rs, n) -> SandboxSecrets.unseal(token, rs.getBytes(1)))
			.optional();
	}

	/** A request token nobody has decided on yet; empty when unknown, decided, used or expired. */
	Optional<UndecidedRequest> undecided(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select callback from sandbox_request_token
				where token_hash = ? and decided_at is null and used_at is null and expires_at > ?""")
			.params(SandboxSecrets.hash(token), SandboxTimes.at(this.clock.instant()))
			.query((rs, n) -> new UndecidedRequest(rs.getString(1)))
			.optional();
	}

	/** The user authorized the app: the verifier X hands the callback; empty when already decided. */
	Optional<String> authorize(String token, long userId) {
		String verifier = SandboxSecrets.newValue("");
		return decide(token, userId, verifier) ? Optional.of(verifier) : Optional.empty();
	}

	/** The user cancelled: the token can never be exchanged. */
	boolean deny(String token) {
		return decide(token, null, null);
	}

	private boolean decide(String token, Long userId, String verifier) {
		return this.jdbc.sql("""
				update sandbox_request_token set decided_at = ?, user_id = ?, verifier_hash = ?
				where token_hash = ? and decided_at is null and used_at is null and expires_at > ?""")
			.params(SandboxTimes.at(this.clock.instant()), userId, verifier == null ? null : SandboxSecrets.hash(verifier),
					SandboxSecrets.hash(token), SandboxTimes.at(this.clock.instant()))
			.update() == 1;
	}

	/** Spends an authorized request token with its verifier: the user who authorized it, or empty. */
	Optional<Long> redeem(String token, String verifier) {
		if (verifier == null || verifier.isBlank()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				update sandbox_request_token set used_at = ?
				where token_hash = ? and verifier_hash = ? and user_id is not null and used_at is null and expires_at > ?
				returning user_id""")
			.params(SandboxTimes.at(now), SandboxSecrets.hash(token), SandboxSecrets.hash(verifier), SandboxTimes.at(now))
			.query(Long.class)
			.optional();
	}

}
