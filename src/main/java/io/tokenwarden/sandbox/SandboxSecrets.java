package io.tokenwarden.sandbox;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** New token and code values, and the hashes the sandbox keeps instead of them. */
final class SandboxSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SandboxSecrets() {
	}

	/** 32 random bytes, base64url, after a publisher-like prefix. */
	static String newValue(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Hex SHA-256: what the tables store for every token and code. */
	static String hash(String value) {
		return HexFormat.of().formatHex(sha256(value));
	}

	/** PKCE S256: {@code BASE64URL(SHA256(verifier)) == challenge}. */
	static boolean verifierMatches(String verifier, String challenge) {
		if (verifier == null || challenge == null) {
			return false;
		}
		String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
		return SandboxApps.same(computed, challenge);
	}

	/** Facebook's {@code appsecret_proof}: hex HMAC-SHA256 of the access token keyed with the app secret. */
	static String appSecretProof(String accessToken) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SandboxApps.FACEBOOK_APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * An X token secret sealed (AES-GCM) with a key derived from the token's own value: stored next to the
	 * token's hash, it opens only for whoever presents the token, as the imitation X must to check a signature.
	 */
	static byte[] seal(String token, String secret) {
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, sealKey(token), new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** The secret {@link #seal} sealed for this token; null when it was sealed for another. */
	static String unseal(String token, byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, sealKey(token), new GCMParameterSpec(128, sealed, 0, 12));
			return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
	}

	private static SecretKeySpec sealKey(String token) {
		return new SecretKeySpec(sha256("tokenwarden-sandbox-x-secret:" + token), "AES");
	}

	/** A short random support id, like Facebook's {@code fbtrace_id}. */
	static String traceId() {
		byte[] bytes = new byte[9];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
