package io.tokenwarden.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The one current token of a publisher account: ciphertexts (the access token and, for X, its OAuth 1.0a
 * token secret), expiry, scopes and status.
 */
@Entity
@Table(name = "account_token")
public class AccountToken {

	@Id
	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "access_token_ciphertext")
	private byte[] accessTokenCiphertext;

	@Column(name = "token_secret_ciphertext")
	private byte[] tokenSecretCiphertext;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "data_access_expires_at")
	private Instant dataAccessExpiresAt;

	@Column(name = "scopes")
	private String scopes;

	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false)
	private TokenStatus status;

	@Column(name = "status_reason")
	private String statusReason;

	@Column(name = "status_note")
	private String statusNote;

	@Column(name = "status_changed_at", nullable = false)
	private Instant statusChangedAt;

	@Column(name = "status_changed_by")
	private String statusChangedBy;

	@Column(name = "last_checked_at")
	private Instant lastCheckedAt;

	@Version
	@Column(name = "version", nullable = false)
	private long version;

	protected AccountToken() {
	}

	AccountToken(long accountId, Instant now) {
		this.accountId = accountId;
		this.status = TokenStatus.VALID;
		this.statusChangedAt = now;
	}

	void replaceSecrets(byte[] access, byte[] tokenSecret, Instant expiresAt, Instant dataAccessExpiresAt, String scopes) {
		this.accessTokenCiphertext = access;
		this.tokenSecretCiphertext = tokenSecret;
		this.expiresAt = expiresAt;
		this.dataAccessExpiresAt = dataAccessExpiresAt;
		this.scopes = scopes;
	}

	void changeStatus(TokenStatus status, String reason, String note, String actor, Instant at) {
		this.status = status;
		this.statusReason = reason;
		this.statusNote = note;
		this.statusChangedBy = actor;
		this.statusChangedAt = at;
		if (status == TokenStatus.INVALIDATED) {
			this.accessTokenCiphertext = null;
			this.tokenSecretCiphertext = null;
		}
	}

	/** Changes with every new secret and every status change: a check compares it to know the token did not change under it. */
	public long version() {
		return this.version;
	}

	public long accountId() {
		return this.accountId;
	}

	public TokenStatus status() {
		return this.status;
	}

	public String statusReason() {
		return this.statusReason;
	}

	public String statusNote() {
		return this.statusNote;
	}

	public Instant statusChangedAt() {
		return this.statusChangedAt;
	}

	public String statusChangedBy() {
		return this.statusChangedBy;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	public Instant dataAccessExpiresAt() {
		return this.dataAccessExpiresAt;
	}

	public String scopes() {
		return this.scopes;
	}

	public Instant lastCheckedAt() {
		return this.lastCheckedAt;
	}

	public boolean hasAccessToken() {
		return this.accessTokenCiphertext != null;
	}

	public boolean hasTokenSecret() {
		return this.tokenSecretCiphertext != null;
	}

	byte[] accessTokenCiphertext() {
		return this.accessTokenCiphertext;
	}

	byte[] tokenSecretCiphertext() {
		return this.tokenSecretCiphertext;
	}

}
