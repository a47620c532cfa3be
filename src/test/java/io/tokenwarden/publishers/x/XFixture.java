package io.tokenwarden.publishers.x;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.PublisherSettings;
import io.tokenwarden.publishers.http.AppCredentials;
import io.tokenwarden.publishers.http.LoggedForms;
import io.tokenwarden.tokens.TokenSecret;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An X adapter aimed at WireMock, realistic payloads from docs/publishers.md ("X"), and journal checks. */
final class XFixture {

	static final String CLIENT_ID = "M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ";

	static final String CLIENT_SECRET = "x-client-secret-9876543210";

	static final Instant NOW = Instant.parse("2025-10-09T08:50:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final TokenSecret ACCESS = TokenSecret.of("Q0Mzb0VhZ0V5dmNXSTEyNER2MFNfVW50RzdXdTN6STFxQlVkTGhTc1lCdlBiOjE2MjIxNDc3NDM5MTQ6MToxOmF0OjE");

	static final TokenSecret REFRESH = TokenSecret.of("bWRWa3gzdnk3WHRGU1o0bmRRcTJ5VUxWX1lZTDdJSUtmaWcxbTVxdEFXcW5tOjE2MjIxNDc3NDM5MTQ6MToxOnJ0OjE");

	static final String NEW_ACCESS = "TmV3QWNjZXNzVG9rZW5Gcm9tVGhlUmVmcmVzaEdyYW50OjE2MjIxNjA4MjU4MjU6MToxOmF0OjE";

	static final String NEW_REFRESH = "TmV3UmVmcmVzaFRva2VuUm90YXRlZEJ5WDoxNjIyMTYwODI1ODI1OjE6MTpydDox";

	static final String USERS_ME = "/2/users/me";

	static final String TOKEN = "/2/oauth2/token";

	static final String REVOKE = "/2/oauth2/revoke";

	static final String ME = """
			{"data":{"id":"2244994945","name":"X Developers","username":"XDevelopers"}}""";

	static final String UNAUTHORIZED = """
			{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""";

	static final String REFRESH_REFUSED = """
			{"error":"invalid_request","error_description":"Value passed for the token was invalid."}""";

	static final String ROTATED = """
			{"token_type":"bearer","expires_in":7200,"access_token":"%s","scope":"tweet.read users.read offline.access","refresh_token":"%s"}"""
		.formatted(NEW_ACCESS, NEW_REFRESH);

	private XFixture() {
	}

	static XPublisher publisher(WireMockExtension wiremock) {
		return publisher(wiremock, CLIENT_ID, CLIENT_SECRET, Duration.ofSeconds(5));
	}

	static XPublisher publisher(WireMockExtension wiremock, String clientId, String clientSecret, Duration readTimeout) {
		URI base = URI.create(wiremock.baseUrl());
		PublisherSettings settings = new PublisherSettings(Duration.ofSeconds(2), readTimeout,
				new PublisherSettings.Facebook(URI.create("https://graph.facebook.com/v25.0")), new PublisherSettings.X(base, base));
		AppCredentials app = new AppCredentials(clientId, clientSecret == null ? null : TokenSecret.of(clientSecret),
				URI.create(wiremock.baseUrl() + TOKEN));
		return new XPublisher(settings, app, CLOCK);
	}

	static HeldToken pair() {
		return new HeldToken(ACCESS, REFRESH);
	}

	static Map<String, String> form(LoggedRequest request) {
		return LoggedForms.form(request);
	}

	/** Requests oldest first (WireMock's journal is newest first). */
	static List<LoggedRequest> requests(WireMockExtension wiremock) {
		List<LoggedRequest> requests = new ArrayList<>(wiremock.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
		Collections.reverse(requests);
		return requests;
	}

	/** Security.md 4 and 17: no token in any URL, and PKCE {@code plain} nowhere. */
	static void assertJournalClean(WireMockExtension wiremock) {
		for (LoggedRequest request : requests(wiremock)) {
			assertThat(request.getUrl()).doesNotContain("access_token=", ACCESS.reveal(), REFRESH.reveal(), NEW_ACCESS,
					NEW_REFRESH, CLIENT_SECRET);
			assertThat(request.getUrl() + request.getBodyAsString()).doesNotContain("plain");
		}
	}

}
