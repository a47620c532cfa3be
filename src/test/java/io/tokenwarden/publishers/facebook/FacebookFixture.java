package io.tokenwarden.publishers.facebook;

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A Facebook adapter aimed at WireMock, realistic payloads from docs/publishers.md ("Facebook"), and journal checks. */
final class FacebookFixture {

	static final String APP_ID = "138483919580948";

	static final String APP_SECRET = "s3cr3t-app-secret-0123456789abcdef";

	static final Instant NOW = Instant.parse("2025-07-03T00:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final TokenSecret USER_TOKEN = TokenSecret.of("EAAJ5xSIMULATEDuserTokenAAAZDZD");

	static final TokenSecret OTHER_TOKEN = TokenSecret.of("EAAJ5xSIMULATEDotherTokenBBBZDZD");

	static final TokenSecret THIRD_TOKEN = TokenSecret.of("EAAJ5xSIMULATEDthirdTokenCCCZDZD");

	static final String GRAPH = "/v25.0";

	static final String TOKEN_PATH = GRAPH + "/oauth/access_token";

	/** F1: a healthy long-lived user token. */
	static final String VALID_DATA = """
			{"data":{"app_id":"138483919580948","type":"USER","application":"Token Console (sim)",
			 "data_access_expires_at":1761860330,"expires_at":1756676330,"is_valid":true,"issued_at":1751492330,
			 "scopes":["ads_read","ads_management","business_management","pages_show_list","public_profile"],
			 "user_id":"10228604863005643"}}""";

	/** F2 as debug_token shows it: password changed. */
	static final String PASSWORD_CHANGED_DATA = """
			{"data":{"app_id":"138483919580948","type":"USER","application":"Token Console (sim)",
			 "error":{"code":190,"message":"Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.","subcode":460},
			 "expires_at":1756676330,"is_valid":false,"scopes":["ads_read","ads_management"],"user_id":"10228604863005643"}}""";

	/** A dead token whose session expired (subcode 463). */
	static final String SESSION_EXPIRED_DATA = """
			{"data":{"app_id":"664117767917186","type":"USER","application":"testing","data_access_expires_at":1647022311,
			 "error":{"code":190,"message":"Error validating access token: Session has expired on Saturday, 11-Dec-21 05:00:00 PST. The current time is Saturday, 11-Dec-21 10:13:30 PST.","subcode":463},
			 "expires_at":1639227600,"is_valid":false,"scopes":["email","public_profile"],"user_id":"10228604863005643"}}""";

	private FacebookFixture() {
	}

	static FacebookPublisher publisher(WireMockExtension wiremock) {
		return publisher(wiremock, APP_ID, APP_SECRET);
	}

	static FacebookPublisher publisher(WireMockExtension wiremock, String appId, String appSecret) {
		return publisher(wiremock, appId, appSecret, Duration.ofSeconds(5));
	}

	static FacebookPublisher publisher(WireMockExtension wiremock, String appId, String appSecret, Duration readTimeout) {
		URI graph = URI.create(wiremock.baseUrl() + GRAPH);
		PublisherSettings settings = new PublisherSettings(Duration.ofSeconds(2), readTimeout,
				new PublisherSettings.Facebook(graph),
				new PublisherSettings.X(URI.create("https://api.x.com"), URI.create("https://ads-api.x.com"), null, null));
		AppCredentials app = new AppCredentials(appId, appSecret == null ? null : TokenSecret.of(appSecret),
				URI.create(wiremock.baseUrl() + TOKEN_PATH));
		return new FacebookPublisher(settings, app, CLOCK);
	}

	static HeldToken held(TokenSecret token) {
		return HeldToken.of(token);
	}

	static String proof(String token) {
		return AppSecretProof.of(TokenSecret.of(APP_SECRET), TokenSecret.of(token));
	}

	/** A batch entry carrying {@code body} as the JSON string Meta puts there. */
	static String entry(int code, String body) {
		return "{\"code\":" + code + ",\"headers\":[{\"name\":\"Content-Type\",\"value\":\"text/javascript; charset=UTF-8\"}],"
				+ "\"body\":" + quoted(body) + "}";
	}

	static String quoted(String json) {
		return "\"" + json.replace("\n", "").replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	static Map<String, String> form(LoggedRequest request) {
		return LoggedForms.form(request);
	}

	/**
	 * Security.md 17 and 19: no URL carries a token, and every Graph call (all but the OAuth token endpoint,
	 * where there is no token yet) carries the proof of the token it used, from the header or the batch body.
	 */
	static void assertJournalClean(WireMockExtension wiremock) {
		List<String> secrets = List.of(USER_TOKEN.reveal(), OTHER_TOKEN.reveal(), THIRD_TOKEN.reveal(), APP_SECRET);
		for (LoggedRequest request : wiremock.getAllServeEvents().stream().map(e -> e.getRequest()).toList()) {
			assertThat(request.getUrl()).doesNotContain("access_token=");
			secrets.forEach(secret -> assertThat(request.getUrl()).doesNotContain(secret));
			if (request.getUrl().startsWith(TOKEN_PATH)) {
				continue;
			}
			String authorization = request.getHeader("Authorization");
			String token = authorization != null ? authorization.substring("Bearer ".length())
					: form(request).get("access_token");
			assertThat(token).as("token of %s", request.getUrl()).isNotNull();
			assertThat(request.queryParameter("appsecret_proof").firstValue()).isEqualTo(proof(token));
		}
	}

}
