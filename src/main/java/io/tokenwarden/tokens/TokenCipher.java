package io.tokenwarden.tokens;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Encrypts tokens at rest with AES-256-GCM through a Tink key set. Each ciphertext carries the id of
 * the key that wrote it, so a key set with a new primary key still reads the old rows (rotation).
 * The associated data binds a ciphertext to its account and kind: moved to another row, it fails.
 */
public class TokenCipher {

	private final Aead aead;

	public TokenCipher(String keysetJsonOrBase64) {
		try {
			AeadConfig.register();
			KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(asJson(keysetJsonOrBase64),
					InsecureSecretKeyAccess.get());
			this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// the key set itself is secret: never echo it
			throw new IllegalStateException("tokenwarden.encryption.keyset is not a valid Tink AEAD key set");
		}
	}

	public byte[] encrypt(long accountId, TokenKind kind, TokenSecret secret) {
		try {
			return this.aead.encrypt(secret.reveal().getBytes(StandardCharsets.UTF_8), associatedData(accountId, kind));
		}
		catch (GeneralSecurityException ex) {
			throw new TokenDecryptionException("could not encrypt the " + kind + " token of account " + accountId);
		}
	}

	public TokenSecret decrypt(long accountId, TokenKind kind, byte[] ciphertext) {
		try {
			byte[] plain = this.aead.decrypt(ciphertext, associatedData(accountId, kind));
			return TokenSecret.of(new String(plain, StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new TokenDecryptionException("the " + kind + " token of account " + accountId
					+ " does not decrypt: it was tampered with, moved from another row, or written with a retired key");
		}
	}

	/**
	 * Encrypts another secret than a token (a channel's webhook URL, say) with the same key set, bound to
	 * {@code purpose} and {@code rowId} through the associated data, so it decrypts only for that row.
	 */
	public byte[] seal(String purpose, long rowId, String plaintext) {
		try {
			return this.aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(purpose, rowId));
		}
		catch (GeneralSecurityException ex) {
			throw new TokenDecryptionException("could not encrypt the " + purpose + " of row " + rowId);
		}
	}

	/** Decrypts what {@link #seal} wrote for the same purpose and row. */
	public String open(String purpose, long rowId, byte[] ciphertext) {
		try {
			return new String(this.aead.decrypt(ciphertext, associatedData(purpose, rowId)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new TokenDecryptionException("the " + purpose + " of row " + rowId + " does not decrypt");
		}
	}

	private static byte[] associatedData(String purpose, long rowId) {
		return ("tokenwarden:" + purpose + ":" + rowId).getBytes(StandardCharsets.UTF_8);
	}

	/** A new key set with one AES-256-GCM key, as JSON. */
	public static String generateKeyset() {
		try {
			AeadConfig.register();
			KeysetHandle handle = KeysetHandle.generateNew(com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM);
			return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("could not generate a key set", ex);
		}
	}

	private static byte[] associatedData(long accountId, TokenKind kind) {
		return ("tokenwarden:account_token:" + accountId + ":" + kind.name()).getBytes(StandardCharsets.UTF_8);
	}

	private static String asJson(String value) {
		String trimmed = value.trim();
		if (trimmed.startsWith("{")) {
			return trimmed;
		}
		return new String(Base64.getDecoder().decode(trimmed), StandardCharsets.UTF_8);
	}

}
