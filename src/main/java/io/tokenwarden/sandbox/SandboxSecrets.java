package io.tokenwarden.sandbox;

import javax.crypto.Mac;
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
