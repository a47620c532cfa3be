package io.tokenwarden.sandbox;

import jakarta.servlet.http.HttpServletRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place the imitation X checks an OAuth 1.0a signature (RFC 5849 section 3), written apart from
 * Token Warden's signer so that a mistake in either fails a test: the {@code OAuth} header and its
 * parameters, X's consumer key, a timestamp within five minutes, and HMAC-SHA1 over the method, the URL,
 * the query and form parameters and the {@code oauth_*} ones, keyed with the consumer secret and the
 * secret of the token presented.
 */
final class XSignatures {

	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final Pattern PARAMETER = Pattern.compile("\\s*([A-Za-z0-9_%.~-]+)=\"([^\"]*)\"\\s*(,|$)");

	private XSignatures() {
	}

	/** A request X authenticated: its protocol parameters, decoded. */
	record Signed(Map<String, String> oauth) {

		String token() {
			return this.oauth.get("oauth_token");
		}

		String parameter(String name) {
			return this.oauth.get(name);
		}

	}

	/** How a request fared: signed, or refused with X's code (32 not authenticated, 89 unknown token). */
	record Verification(Signed signed, int errorCode) {

		static final Verification NOT_AUTHENTICATED = new Verification(null, 32);

		static final Verification UNKNOWN_TOKEN = new Verification(null, 89);

		boolean ok() {
			return this.signed != null;
		}

	}

	/**
	 * The request's protocol parameters when its signature holds. X could not authenticate it (code 32)
	 * without an {@code OAuth} header (a Bearer token, say), with another consumer key, a stale timestamp or
	 * a wrong signature; a token it never issued is code 89. {@code tokenSecret} gives the secret of the
	 * presented {@code oauth_token}, empty when the token is unknown.
	 */
	static Verification verify(HttpServletRequest request, Clock clock, Function<String, Optional<String>> tokenSecret) {
		Map<String, String> oauth = header(request.getHeader("Authorization"));
		if (oauth == null || !SandboxApps.same(SandboxApps.X_CONSUMER_KEY, oauth.get("oauth_consumer_key"))
				|| !"HMAC-SHA1".equals(oauth.get("oauth_signature_method")) || oauth.get("oauth_nonce") == null
				|| !(oauth.get("oauth_version") == null || "1.0".equals(oauth.get("oauth_version")))
				|| !fresh(oauth.get("oauth_timestamp"), clock.instant()) || oauth.get("oauth_signature") == null) {
			return Verification.NOT_AUTHENTICATED;
		}
		String secret = "";
		if (oauth.get("oauth_token") != null) {
			Optional<String> known = tokenSecret.apply(oauth.get("oauth_token"));
			if (known.isEmpty()) {
				return Verification.UNKNOWN_TOKEN;
			}
			secret = known.get();
		}
		String expected = signature(baseString(request, oauth), SandboxApps.X_CONSUMER_SECRET, secret);
		return SandboxApps.same(expected, oauth.get("oauth_signature")) ? new Verification(new Signed(oauth), 0)
				: Verification.NOT_AUTHENTICATED;
	}

	/** The {@code OAuth} header's parameters, decoded; null when the header is absent, of another scheme, or malformed. */
	static Map<String, String> header(String header) {
		if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
			return null;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		Matcher matcher = PARAMETER.matcher(header.substring(6));
		int end = 0;
		while (matcher.find() && matcher.start() == end) {
			String name = decode(matcher.group(1));
			if (!"realm".equals(name) && parameters.put(name, decode(matcher.group(2))) != null) {
				return null; // a parameter twice: not X's to guess which
			}
			end = matcher.end();
		}
		return end == header.length() - 6 ? parameters : null;
	}

	/** RFC 5849 3.4.1: {@code METHOD&enc(base URL)&enc(sorted, encoded parameters)}. */
	static String baseString(HttpServletRequest request, Map<String, String> oauth) {
		List<String> pairs = new ArrayList<>();
		request.getParameterMap().forEach((name, values) -> {
			for (String value : values) {
				pairs.add(encode(name) + "=" + encode(value));
			}
		});
		oauth.forEach((name, value) -> {
			if (!"oauth_signature".equals(name)) {
				pairs.add(encode(name) + "=" + encode(value));
			}
		});
		pairs.sort(null);
		return request.getMethod().toUpperCase(Locale.ROOT) + "&" + encode(baseUrl(request)) + "&"
				+ encode(String.join("&", pairs));
	}

	static String signature(String baseString, String consumerSecret, String tokenSecret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec((encode(consumerSecret) + "&" + encode(tokenSecret)).getBytes(StandardCharsets.UTF_8),
					"HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/** RFC 3986 percent-encoding of everything but the unreserved characters (RFC 5849 3.6). */
	static String encode(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				out.append(c);
			}
			else {
				out.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return out.toString();
	}

	// scheme and host in lower case, the default port left out, no query (RFC 5849 3.4.1.2)
	private static String baseUrl(HttpServletRequest request) {
		String scheme = request.getScheme().toLowerCase(Locale.ROOT);
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
				+ request.getRequestURI();
	}

	private static boolean fresh(String timestamp, Instant now) {
		try {
			Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp));
			return Duration.between(at, now).abs().compareTo(CLOCK_SKEW) <= 0;
		}
		catch (NumberFormatException | NullPointerException ex) {
			return false;
		}
	}

	private static String decode(String value) {
		// percent-decoding only: in a header, '+' is a plus
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}
