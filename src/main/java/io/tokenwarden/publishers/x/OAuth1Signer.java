package io.tokenwarden.publishers.x;

import io.tokenwarden.tokens.TokenSecret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * OAuth 1.0a HMAC-SHA1 signatures (RFC 5849 section 3.4): the {@code Authorization} header for one request,
 * signed over its method, URL, query and form parameters and the {@code oauth_*} parameters, with the key
 * {@code consumer secret & token secret}. Written here rather than taken from ScribeJava, whose base string
 * sorts parameters by their decoded names where RFC 5849 3.4.1.3.2 sorts the encoded ones (the RFC's own
 * example, with {@code c@} and {@code c2}, comes out in the wrong order). The nonce is random, the
 * timestamp the application's clock.
 */
final class OAuth1Signer {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String consumerKey;

	private final TokenSecret consumerSecret;

	private final Clock clock;

	OAuth1Signer(String consumerKey, TokenSecret consumerSecret, Clock clock) {
		this.consumerKey = consumerKey;
		this.consumerSecret = consumerSecret;
		this.clock = clock;
	}

	/**
	 * The header for a request to {@code url} (its query included) with these form parameters.
	 *
	 * @param token the {@code oauth_token} (the user's, or a request token); null for {@code request_token}
	 * @param tokenSecret its secret; null while there is none yet (the key then ends with {@code &})
	 * @param extra protocol parameters of the call itself ({@code oauth_callback}, {@code oauth_verifier})
	 */
	String authorization(String method, URI url, Map<String, String> form, String token, TokenSecret tokenSecret,
			Map<String, String> extra) {
		Map<String, String> oauth = new LinkedHashMap<>();
		oauth.put("oauth_consumer_key", this.consumerKey);
		oauth.put("oauth_nonce", nonce());
		oauth.put("oauth_signature_method", "HMAC-SHA1");
		oauth.put("oauth_timestamp", String.valueOf(this.clock.instant().getEpochSecond()));
		if (token != null) {
			oauth.put("oauth_token", token);
		}
		oauth.put("oauth_version", "1.0");
		oauth.putAll(extra);
		oauth.put("oauth_signature", signature(method, url, form, oauth, this.consumerSecret, tokenSecret));
		StringJoiner header = new StringJoiner(", ", "OAuth ", "");
		oauth.forEach((name, value) -> header.add(encode(name) + "=\"" + encode(value) + "\""));
		return header.toString();
	}

	/** The signature base string (RFC 5849 3.4.1) of a request with exactly these {@code oauth_*} parameters. */
	static String baseString(String method, URI url, Map<String, String> form, Map<String, String> oauth) {
		List<String[]> pairs = new ArrayList<>();
		String query = url.getRawQuery();
		if (query != null && !query.isEmpty()) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = equals < 0 ? pair : pair.substring(0, equals);
				String value = equals < 0 ? "" : pair.substring(equals + 1);
				pairs.add(encoded(decode(name), decode(value)));
			}
		}
		form.forEach((name, value) -> pairs.add(encoded(name, value)));
		oauth.forEach((name, value) -> {
			if (!"oauth_signature".equals(name) && !"realm".equals(name)) {
				pairs.add(encoded(name, value));
			}
		});
		// 3.4.1.3.2: sorted by encoded name, then encoded value
		pairs.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
		StringJoiner normalized = new StringJoiner("&");
		pairs.forEach(pair -> normalized.add(pair[0] + "=" + pair[1]));
		return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(url)) + "&" + encode(normalized.toString());
	}

	/** The HMAC-SHA1 signature (RFC 5849 3.4.2), base64, of a request with exactly these {@code oauth_*} parameters. */
	static String signature(String method, URI url, Map<String, String> form, Map<String, String> oauth,
			TokenSecret consumerSecret, TokenSecret tokenSecret) {
		String key = encode(consumerSecret.reveal()) + "&" + (tokenSecret == null ? "" : encode(tokenSecret.reveal()));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			byte[] digest = mac.doFinal(baseString(method, url, form, oauth).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/** RFC 5849 3.6: every byte but the unreserved characters percent-encoded, in upper-case hex. */
	static String encode(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return out.toString();
	}

	private static String[] encoded(String name, String value) {
		return new String[] { encode(name), encode(value) };
	}

	// 3.4.1.3.1: the query is form-encoded, so '+' is a space
	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	// 3.4.1.2: scheme and host in lower case, the default port left out, no query or fragment
	private static String baseUri(URI url) {
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		int port = url.getPort();
		boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
		return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
	}

	// RFC 5849 3.3: unique per timestamp; 128 random bits leave no chance of a repeat
	private static String nonce() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
