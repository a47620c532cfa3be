package io.tokenwarden.linktokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The links Token Warden emails (invitations, password resets, owners' reconnect links): each opens with a token of 256
 * random bits that is stored only as its SHA-256 hash, works once, and expires. Every token belongs
 * to a subject (an invitation, a person) of one {@link LinkPurpose}; using any token of a subject
 * uses them all, so a resent email never makes a link that works twice.
 */
@Service
public class LinkTokens {

	/** 32 bytes in unpadded base64url. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	LinkTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new token for the subject, working until {@code expiresAt}; earlier tokens of the subject keep
	 * working (an earlier email may still be the one the person opens). Returns the plaintext, which
	 * only the email may carry.
	 */
	@Transactional
	public String issue(LinkPurpose purpose, long subjectId, Instant expiresAt, Instant now) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				insert into link_token (purpose, subject_id, token_hash, expires_at, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(purpose.name(), subjectId, hash(token), utc(expiresAt), utc(now))
			.update();
		return token;
	}

	/**
	 * A new token for the subject in place of every earlier one, which stops working: for links where only
	 * the newest email may open anything (an owner's reconnect link).
	 */
	@Transactional
	public String reissue(LinkPurpose purpose, long subjectId, Instant expiresAt, Instant now) {
		revoke(purpose, subjectId, now);
		return issue(purpose, subjectId, expiresAt, now);
	}

	/**
	 * The token's reference: its SHA-256 hash in hex, which names the token wherever the token itself may
	 * not be kept (an HTTP session, which lives in the database) and opens nothing by itself.
	 */
	public static String reference(String token) {
		return wellFormed(token) ? HexFormat.of().formatHex(hash(token)) : null;
	}

	/** The subject of a token that still works; empty for an unknown, used or expired one. */
	@Transactional(readOnly = true)
	public Optional<Long> find(LinkPurpose purpose, String token, Instant now) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select subject_id from link_token
				where token_hash = ? and purpose = ? and used_at is null and expires_at > ?""")
			.params(hash(token), purpose.name(), utc(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * Uses the token: its subject when it still worked, and from now on no token of that subject
	 * works. Joins the caller's transaction, so work that fails afterwards gives the token back.
	 * Of two requests with the same token, one gets the subject.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Long> consume(LinkPurpose purpose, String token, Instant now) {
		return wellFormed(token) ? consumeHash(purpose, hash(token), now) : Optional.empty();
	}

	/** {@link #consume} for the token of a {@link #reference}: its subject when it still worked. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Long> consumeReferenced(LinkPurpose purpose, String reference, Instant now) {
		if (reference == null || !reference.matches("[0-9a-f]{64}")) {
			return Optional.empty();
		}
		return consumeHash(purpose, HexFormat.of().parseHex(reference), now);
	}

	private Optional<Long> consumeHash(LinkPurpose purpose, byte[] mine, Instant now) {
		Optional<Long> subject = this.jdbc.sql("""
				select subject_id from link_token
				where token_hash = ? and purpose = ? and used_at is null and expires_at > ?""")
			.params(mine, purpose.name(), utc(now))
			.query(Long.class)
			.optional();
		if (subject.isEmpty()) {
			return subject;
		}
		// the row locks decide between two requests with the same token: the second one waits, then
		// finds the token used and updates nothing
		List<byte[]> used = this.jdbc.sql("""
				update link_token set used_at = ?
				where purpose = ? and subject_id = ? and used_at is null
				returning token_hash""")
			.params(utc(now), purpose.name(), subject.get())
			.query((rs, row) -> rs.getBytes(1))
			.list();
		return used.stream().anyMatch(h -> Arrays.equals(h, mine)) ? subject : Optional.empty();
	}

	/** No token of the subject works any more (an invitation revoked, a newer reset asked for). */
	@Transactional(propagation = Propagation.MANDATORY)
	public int revoke(LinkPurpose purpose, long subjectId, Instant now) {
		return this.jdbc.sql("""
				update link_token set used_at = ?
				where purpose = ? and subject_id = ? and used_at is null""")
			.params(utc(now), purpose.name(), subjectId)
			.update();
	}

	/** Forgets tokens that expired before {@code before}; they could never open anything again. */
	@Transactional
	public int deleteExpired(Instant before) {
		return this.jdbc.sql("delete from link_token where expires_at < ?").param(utc(before)).update();
	}

	private static boolean wellFormed(String token) {
		return token != null && TOKEN.matcher(token).matches();
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
