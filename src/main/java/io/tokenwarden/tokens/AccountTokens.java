package io.tokenwarden.tokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The tokens module's API: stores a new token (encrypted), reads one back, and changes its status.
 * Plaintext exists only inside {@link TokenSecret}s in memory.
 */
@Service
public class AccountTokens {

	private final AccountTokenRepository repository;

	private final TokenCipher cipher;

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountTokens(AccountTokenRepository repository, TokenCipher cipher, JdbcClient jdbc, Clock clock) {
		this.repository = repository;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<AccountToken> find(long accountId) {
		return this.repository.findById(accountId);
	}

	/** Stores {@code token} as the account's current token, VALID, replacing whatever was there. */
	@Transactional
	public AccountToken store(long accountId, NewToken token, String actor) {
		Instant now = this.clock.instant();
		AccountToken current = this.repository.findForUpdate(accountId).orElseGet(() -> new AccountToken(accountId, now));
		current.replaceSecrets(this.cipher.encrypt(accountId, TokenKind.ACCESS, token.accessToken()),
				token.tokenSecret() == null ? null : this.cipher.encrypt(accountId, TokenKind.TOKEN_SECRET, token.tokenSecret()),
				token.expiresAt(), token.dataAccessExpiresAt(), token.scopes());
		current.changeStatus(TokenStatus.VALID, null, null, actor, now);
		return this.repository.save(current);
	}

	/** The plaintext of one of a token's secrets, for the one call that sends it to its publisher. */
	public Optional<TokenSecret> reveal(AccountToken token, TokenKind kind) {
		byte[] ciphertext = kind == TokenKind.ACCESS ? token.accessTokenCiphertext() : token.tokenSecretCiphertext();
		return Optional.ofNullable(ciphertext).map(c -> this.cipher.decrypt(token.accountId(), kind, c));
	}

	/** The tokens of these accounts, in one query. */
	@Transactional(readOnly = true)
	public List<AccountToken> findAll(List<Long> accountIds) {
		return this.repository.findAllWithIds(accountIds);
	}

	/**
	 * Writes what a check learned of the account's token, in one statement, provided the token is still the one
	 * the check asked about (its {@code version}): a token refreshed or invalidated meanwhile is left alone and
	 * this returns false. Null {@code findings} write nothing but still say whether the token is the same (the
	 * row stays locked until the caller's transaction ends). A status change counts as a new version.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean applyCheck(long accountId, long version, CheckFindings findings) {
		if (findings == null) {
			return this.jdbc.sql("select 1 from account_token where account_id = ? and version = ? for update")
				.params(accountId, version)
				.query(Integer.class)
				.optional()
				.isPresent();
		}
		String statusChange = findings.status() == null ? "" : """
				, status = :status, status_reason = :reason, status_note = null, status_changed_at = :checkedAt,
				  status_changed_by = :actor, version = version + 1""";
		return this.jdbc.sql("update account_token set last_checked_at = :checkedAt,"
				+ " expires_at = coalesce(:expiresAt, expires_at),"
				+ " data_access_expires_at = coalesce(:dataAccessExpiresAt, data_access_expires_at)" + statusChange
				+ " where account_id = :accountId and version = :version")
			.param("checkedAt", utc(findings.checkedAt()))
			.param("expiresAt", utc(findings.expiresAt()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("dataAccessExpiresAt", utc(findings.dataAccessExpiresAt()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("status", findings.status() == null ? null : findings.status().name())
			.param("reason", findings.statusReason())
			.param("actor", findings.actor())
			.param("accountId", accountId)
			.param("version", version)
			.update() == 1;
	}

	/**
	 * What routine checks (their tokens stay as they are) learned of many tokens, in one statement (a health
	 * check batch), joining the caller's transaction when there is one.
	 */
	@Transactional
	public void recordChecks(Instant checkedAt, List<CheckedToken> checked) {
		if (checked.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update account_token t set last_checked_at = :checkedAt,
				    expires_at = coalesce(u.expires_at, t.expires_at),
				    data_access_expires_at = coalesce(u.data_access_expires_at, t.data_access_expires_at)
				from unnest(:ids, :expiresAt, :dataAccessExpiresAt) as u(account_id, expires_at, data_access_expires_at)
				where t.account_id = u.account_id""")
			.param("checkedAt", utc(checkedAt))
			.param("ids", new SqlArrayValue("bigint", checked.stream().map(CheckedToken::accountId).toArray()))
			.param("expiresAt", new SqlArrayValue("timestamptz", checked.stream().map(c -> utc(c.expiresAt())).toArray()))
			.param("dataAccessExpiresAt",
					new SqlArrayValue("timestamptz", checked.stream().map(c -> utc(c.dataAccessExpiresAt())).toArray()))
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** Records a status that a check or an admin decided, with its reason. */
	@Transactional
	public AccountToken changeStatus(long accountId, TokenStatus status, String reason, String note, String actor) {
		AccountToken current = this.repository.findForUpdate(accountId)
			.orElseThrow(() -> new IllegalArgumentException("account " + accountId + " has no token"));
		current.changeStatus(status, reason, note, actor, this.clock.instant());
		return current;
	}

	/**
	 * Invalidates the account's token: status INVALIDATED with who, when and why, and both ciphertexts
	 * removed from the token row. Returns what was removed (for the revocation), or empty when the token
	 * was already invalidated. The row lock makes a concurrent second call wait and then find it done.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<RemovedSecrets> invalidate(long accountId, String reason, String note, String actor) {
		AccountToken current = this.repository.findForUpdate(accountId)
			.orElseThrow(() -> new IllegalArgumentException("account " + accountId + " has no token"));
		if (current.status() == TokenStatus.INVALIDATED) {
			return Optional.empty();
		}
		RemovedSecrets removed = new RemovedSecrets(current.status(), current.accessTokenCiphertext(),
				current.tokenSecretCiphertext());
		current.changeStatus(TokenStatus.INVALIDATED, reason, note, actor, this.clock.instant());
		this.repository.flush();
		return Optional.of(removed);
	}

	/** Decrypts a ciphertext that {@link #invalidate} removed, for the one call that revokes it. */
	public TokenSecret decryptRemoved(long accountId, TokenKind kind, byte[] ciphertext) {
		return this.cipher.decrypt(accountId, kind, ciphertext);
	}

	@Transactional(readOnly = true)
	public Optional<TokenSecret> accessToken(long accountId) {
		return this.repository.findById(accountId)
			.filter(t -> t.accessTokenCiphertext() != null)
			.map(t -> this.cipher.decrypt(accountId, TokenKind.ACCESS, t.accessTokenCiphertext()));
	}

	/** X's OAuth 1.0a token secret; empty for Facebook and for a token without secrets. */
	@Transactional(readOnly = true)
	public Optional<TokenSecret> tokenSecret(long accountId) {
		return this.repository.findById(accountId)
			.filter(t -> t.tokenSecretCiphertext() != null)
			.map(t -> this.cipher.decrypt(accountId, TokenKind.TOKEN_SECRET, t.tokenSecretCiphertext()));
	}

}
