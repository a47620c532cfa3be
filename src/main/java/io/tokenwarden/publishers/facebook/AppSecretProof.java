package io.tokenwarden.publishers.facebook;

import io.tokenwarden.tokens.TokenSecret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Meta's {@code appsecret_proof}: hex(HMAC-SHA256(app secret, access token)). It proves the call comes
 * from the app's server, so a stolen token alone is not enough.
 */
final class AppSecretProof {

	private AppSecretProof() {
	}

	static String of(TokenSecret appSecret, TokenSecret accessToken) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(appSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(accessToken.reveal().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
