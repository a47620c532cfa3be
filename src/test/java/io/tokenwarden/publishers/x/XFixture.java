package io.tokenwarden.publishers.x;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.PublisherSettings;
import io.tokenwarden.tokens.TokenSecret;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An X adapter aimed at WireMock with the credentials of X's "Creating a signature" example, realistic
 * payloads from docs/publishers.md ("X"), and journal checks: every call signed with OAuth 1.0a, no token
 * or secret in any URL or body.
 */
final class XFixture {

	static final String CONSUMER_KEY = "xvz1evFS4wEEPTGEFPHBog";

	static final String CONSUMER_SECRET = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";

	static final Instant NOW = Instant.parse("2025-10-09T08:50:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final TokenSecret ACCESS = TokenSecret.of("370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb");

	static final TokenSecret SECRET = TokenSecret.of("LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

	static final String USERS_ME = "/2/users/me";

	static final String INVALIDATE = "/1.1/oauth/invalidate_token";

	static final String ME = """
			{"data":{"id":"2244994945","name":"X Developers","username":"XDevelopers"}}""";

	static final String UNAUTHORIZED = """
			{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""";

	static final String INVALID_TOKEN = """
			{"errors":[{"code":89,"message":"Invalid or expired token."}]}""";

	static final String NOT_AUTHENTICATED = """
			{"errors":[{"code":32,"message":"Could not authenticate you."}]}""";

	private static final Pattern PARAMETER = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

	private XFixture() {
	}

	static XPublisher publisher(WireMockExtension wiremock) {
		return publisher(wiremock, CONSUMER_KEY, CONSUMER_SECRET, Duration.ofSeconds(5));
	}

	static XPublisher publisher(WireMockExtension wiremock, String consumerKey, String consumerSecret,
			Duration readTimeout) {
		URI base = URI.create(wiremock.baseUrl());
		PublisherSettings settings = new PublisherSettings(Duration.ofSeconds(2), readTimeout,
				new PublisherSettings.Facebook(URI.create("https://graph.facebook.com/v25.0")),
				new PublisherSettings.X(base, base, consumerKey, consumerSecret == null ? null : TokenSecret.of(consumerSecret)));
		return new XPublisher(settings, CLOCK);
	}

	/** The user's OAuth 1.0a token and its secret. */
	static HeldToken held() {
		return new HeldToken(ACCESS, SECRET);
	}

	/** The {@code oauth_*} parameters of a request's {@code Authorization: OAuth …} header, decoded. */
	static Map<String, String> oauth(LoggedRequest request) {
		String header = request.getHeader("Authorization");
		assertThat(header).as("Authorization of %s", request.getUrl()).startsWith("OAuth ");
		Map<String, String> parameters = new LinkedHashMap<>();
		Matcher matcher = PARAMETER.matcher(header);
		while (matcher.find()) {
			parameters.put(matcher.group(1), URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8));
		}
		return parameters;
	}

	/** Requests oldest first (WireMock's journal is newest first). */
	static List<LoggedRequest> requests(WireMockExtension wiremock) {
		List<LoggedRequest> requests = new ArrayList<>(wiremock.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
		Collections.reverse(requests);
		return requests;
	}

	/**
	 * Security.md 4: no token or secret in any URL or body; and every call signed with OAuth 1.0a HMAC-SHA1
	 * by our consumer, at the clock's time, never a Bearer token.
	 */
	static void assertJournalClean(WireMockExtension wiremock) {
		for (LoggedRequest request : requests(wiremock)) {
			assertThat(request.getUrl() + request.getBodyAsString()).doesNotContain(ACCESS.reveal(), SECRET.reveal(),
					CONSUMER_SECRET);
			Map<String, String> oauth = oauth(request);
			assertThat(oauth).containsEntry("oauth_consumer_key", CONSUMER_KEY)
				.containsEntry("oauth_signature_method", "HMAC-SHA1")
				.containsEntry("oauth_timestamp", String.valueOf(NOW.getEpochSecond()))
				.containsEntry("oauth_version", "1.0")
				.containsKeys("oauth_nonce", "oauth_signature");
			assertThat(request.getHeader("Authorization")).doesNotContain("Bearer", SECRET.reveal(), CONSUMER_SECRET);
		}
	}

}
