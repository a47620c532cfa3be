package io.tokenwarden.api;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.AgencyRole;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API module's API: personal API tokens. A token has 256 random bits behind a {@code tw_} prefix,
 * is stored only as its SHA-256 hash, works for one agency while its person is still a member there,
 * and is revocable. Its plaintext exists once, in the answer to its creation.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "tw_";

	/** The prefix and 32 bytes in unpadded base64url. */
	private static final Pattern TOKEN = Pattern.compile("tw_[A-Za-z0-9_-]{43}");

	/** Last use is written at most this often per token, so a busy script does not write on every call. */
	private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

	static final int MAX_NAME = 100;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AgencyDirectory agencies;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, AgencyDirectory agencies, Clock clock) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.clock = clock;
	}

	/** Why a token was not created; the page says it in words. */
	public enum Refusal {
		NAME_MISSING, NAME_TOO_LONG, NAME_TAKEN, NOT_A_MEMBER
	}

	/** A new token and its plaintext (shown once), or why there is none. */
	public record Created(ApiToken token, String plaintext, Refusal refusal) {

		public boolean ok() {
			return this.refusal == null;
		}

	}

	/** A new token of the person for one of their agencies. */
	@Transactional
	public Created create(String email, long agencyId, String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			return new Created(null, null, Refusal.NAME_MISSING);
		}
		if (trimmed.length() > MAX_NAME) {
			return new Created(null, null, Refusal.NAME_TOO_LONG);
		}
		Optional<AgencyRole> membership = this.agencies.membershipsOf(email).stream()
			.filter(m -> m.agencyId() == agencyId)
			.findFirst();
		long userId = this.agencies.findUser(email).map(AgencyDirectory.UserLogin::id).orElse(-1L);
		if (membership.isEmpty() || userId < 0) {
			return new Created(null, null, Refusal.NOT_A_MEMBER);
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String plaintext = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		long id;
		try {
			id = this.jdbc.sql("""
					insert into api_token (user_id, agency_id, name, token_hash, created_at)
					values (?, ?, ?, ?, ?) on conflict (user_id, name) where revoked_at is null do nothing
					returning id""")
				.params(userId, agencyId, trimmed, hash(plaintext), utc(now))
				.query(Long.class)
				.optional()
				.orElse(-1L);
		}
		catch (DuplicateKeyException ex) {
			id = -1;
		}
		if (id < 0) {
			return new Created(null, null, Refusal.NAME_TAKEN);
		}
		return new Created(new ApiToken(id, trimmed, agencyId, membership.get().agencyName(), now, null, null),
				plaintext, null);
	}

	/** The person's tokens, newest first, the revoked ones too (they show when they were revoked). */
	@Transactional(readOnly = true)
	public List<ApiToken> of(String email) {
		return this.jdbc.sql("""
				select t.id, t.name, t.agency_id, g.name as agency_name, t.created_at, t.last_used_at, t.revoked_at
				from api_token t join app_user u on u.id = t.user_id join agency g on g.id = t.agency_id
				where u.email = ? order by t.revoked_at nulls first, t.created_at desc, t.id desc""")
			.param(email)
			.query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getLong("agency_id"),
					rs.getString("agency_name"), instant(rs.getObject("created_at", OffsetDateTime.class)),
					instant(rs.getObject("last_used_at", OffsetDateTime.class)),
					instant(rs.getObject("revoked_at", OffsetDateTime.class))))
			.list();
	}

	/** Revokes one of the person's tokens; false when they have no such live token (revoking twice is harmless). */
	@Transactional
	public boolean revoke(String email, long tokenId) {
		return this.jdbc.sql("""
				update api_token set revoked_at = ?
				where id = ? and revoked_at is null and user_id = (select id from app_user where email = ?)""")
			.params(utc(this.clock.instant()), tokenId, email)
			.update() == 1;
	}

	/**
	 * The caller behind a bearer token: a live token whose person is enabled and still a member of its
	 * agency; empty for anything else (malformed, unknown, revoked, the person removed). Records the use.
	 */
	@Transactional
	public Optional<ApiCaller> authenticate(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		Optional<ApiCaller> caller = this.jdbc.sql("""
				select t.id, t.user_id, u.email, t.agency_id from api_token t
				join app_user u on u.id = t.user_id and u.enabled
				join agency_membership m on m.user_id = t.user_id and m.agency_id = t.agency_id
				where t.token_hash = ? and t.revoked_at is null""")
			.param(hash(token))
			.query((rs, n) -> new ApiCaller(rs.getLong("id"), rs.getLong("user_id"), rs.getString("email"),
					rs.getLong("agency_id")))
			.optional();
		caller.ifPresent(c -> {
			Instant now = this.clock.instant();
			this.jdbc.sql("""
					update api_token set last_used_at = ?
					where id = ? and (last_used_at is null or last_used_at < ?)""")
				.params(utc(now), c.tokenId(), utc(now.minus(LAST_USED_GRANULARITY)))
				.update();
		});
		return caller;
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
