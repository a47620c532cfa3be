package io.tokenwarden.refresh;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Remembers, by a hash of its {@code state}, which account each consent was started for, so that a
 * callback which cannot complete (its state used, replaced, expired or from another browser session) is
 * still audited against that account. Attribution only: completing a refresh needs the pending request
 * in the browser's own session.
 */
@Component
class IssuedStates {

	private static final Duration KEPT = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	IssuedStates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The account, agency and admin a state was issued for, and when. */
	record IssuedState(Long accountId, long agencyId, String actor, Instant issuedAt) {
	}

	@Transactional
	void remember(String state, Long accountId, long agencyId, String actor) {
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from refresh_state where issued_at < ?")
			.param(OffsetDateTime.ofInstant(now.minus(KEPT), ZoneOffset.UTC))
			.update();
		this.jdbc.sql("insert into refresh_state (state_hash, account_id, agency_id, actor, issued_at) values (?, ?, ?, ?, ?)")
			.params(hash(state), accountId, agencyId, actor, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
	}

	@Transactional(readOnly = true)
	Optional<IssuedState> find(String state) {
		return this.jdbc.sql("select account_id, agency_id, actor, issued_at from refresh_state where state_hash = ?")
			.param(hash(state))
			.query((rs, n) -> new IssuedState((Long) rs.getObject(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.optional();
	}

	private static byte[] hash(String state) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

}
