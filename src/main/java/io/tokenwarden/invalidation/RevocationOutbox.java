package io.tokenwarden.invalidation;

import io.tokenwarden.publishers.Publisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The revocation requests table: written with the invalidation, claimed by the sender. */
@Component
class RevocationOutbox {

	/** One revocation to send; the ciphertexts are still encrypted for their account. */
	record Request(long id, long accountId, Publisher publisher, String publisherUserId, byte[] accessCiphertext,
			byte[] tokenSecretCiphertext, int attempts, Instant requestedAt) {
	}

	private final JdbcClient jdbc;

	RevocationOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long accountId, Publisher publisher, String publisherUserId, byte[] access, byte[] tokenSecret, String actor) {
		this.jdbc.sql("""
				insert into revocation_request (account_id, publisher, publisher_user_id, access_token_ciphertext,
				    token_secret_ciphertext, requested_by) values (?, ?, ?, ?, ?, ?)""")
			.params(accountId, publisher.name(), publisherUserId, access, tokenSecret, actor)
			.update();
	}

	/** Claims up to {@code limit} due requests; other instances skip the rows this transaction holds. */
	List<Request> claimDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select id, account_id, publisher, publisher_user_id, access_token_ciphertext, token_secret_ciphertext, attempts,
				       requested_at
				from revocation_request where status = 'PENDING' and next_attempt_at <= ?
				order by next_attempt_at limit ? for update skip locked""")
			.params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), limit)
			.query(RevocationOutbox::request)
			.list();
	}

	void done(long id) {
		this.jdbc.sql("""
				update revocation_request set status = 'DONE', attempts = attempts + 1, completed_at = now(),
				    access_token_ciphertext = null, token_secret_ciphertext = null, last_error = null where id = ?""")
			.param(id)
			.update();
	}

	void retryAt(long id, Instant next, String error) {
		this.jdbc.sql("update revocation_request set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
			.params(OffsetDateTime.ofInstant(next, ZoneOffset.UTC), truncate(error), id)
			.update();
	}

	/** Gives up: the secrets are erased; the token stays invalidated locally whatever happened. */
	void abandon(long id, String error) {
		this.jdbc.sql("""
				update revocation_request set status = 'FAILED', attempts = attempts + 1, completed_at = now(),
				    access_token_ciphertext = null, token_secret_ciphertext = null, last_error = ? where id = ?""")
			.params(truncate(error), id)
			.update();
	}

	List<Revocation> forAccount(long accountId) {
		return this.jdbc.sql("""
				select id, status, attempts, last_error, requested_by, requested_at, completed_at
				from revocation_request where account_id = ? order by requested_at desc, id desc limit 20""")
			.param(accountId)
			.query((rs, n) -> new Revocation(rs.getLong("id"), rs.getString("status"), rs.getInt("attempts"),
					rs.getString("last_error"), rs.getString("requested_by"), instant(rs, "requested_at"),
					instant(rs, "completed_at")))
			.list();
	}

	Optional<Instant> nextDue() {
		return this.jdbc.sql("select min(next_attempt_at) from revocation_request where status = 'PENDING'")
			.query((rs, n) -> instant(rs, 1))
			.optional();
	}

	private static Request request(ResultSet rs, int rowNum) throws SQLException {
		return new Request(rs.getLong("id"), rs.getLong("account_id"), Publisher.valueOf(rs.getString("publisher")),
				rs.getString("publisher_user_id"), rs.getBytes("access_token_ciphertext"),
				rs.getBytes("token_secret_ciphertext"), rs.getInt("attempts"), instant(rs, "requested_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static String truncate(String error) {
		return error == null || error.length() <= 500 ? error : error.substring(0, 500);
	}

}
