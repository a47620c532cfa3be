package io.tokenwarden.refresh;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tokenwarden.accounts.SeenAsset;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.http.LoggedForms;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Refreshing an X token through X's consent page, end to end against an imitation X API. */
class XRefreshTests extends RefreshTestSupport {

	static final String NEW_ACCESS = "WE5ld0FjY2Vzc0Zyb21UaGVDb2RlRXhjaGFuZ2U6MToxOmF0OjE";

	static final String NEW_REFRESH = "WE5ld1JlZnJlc2hGcm9tVGhlQ29kZUV4Y2hhbmdlOjE6MTpydDox";

	static final String TOKEN_PATH = "/2/oauth2/token";

	void xAnswers(String userId, String name, String username) {
		publishers.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=authorization_code"))
			.willReturn(okJson("""
					{"token_type":"bearer","expires_in":7200,"access_token":"%s",
					 "scope":"tweet.read users.read offline.access","refresh_token":"%s"}""".formatted(NEW_ACCESS, NEW_REFRESH))));
		publishers.stubFor(get(urlPathEqualTo("/2/users/me")).willReturn(okJson("""
				{"data":{"id":"%s","name":"%s","username":"%s"}}""".formatted(userId, name, username))));
	}

	long expiredXAccount() {
		long id = account(Publisher.X, "Northwind Agency");
		this.tokens.changeStatus(id, TokenStatus.EXPIRED, "INVALID", null, "test");
		return id;
	}

	@Test
	void refreshWhenAdminConsentsAtXThenPkceS256WithBasicClientAuthAndTheTokenIsValidAgain() throws Exception {
		long id = expiredXAccount();
		xAnswers(externalId(id), "Jane Doe", "janedoe");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		MvcResult result = callback("x", session, "code", "VGhpc0lzVGhlWENvZGU", "state", consent.get("state"));

		assertThat(consent).containsEntry("response_type", "code").containsEntry("client_id", X_CLIENT_ID)
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("redirect_uri", "http://localhost/login/oauth2/code/x")
			.doesNotContainKey("auth_type");
		assertThat(consent.get("scope").split(" ")).containsExactlyInAnyOrder("tweet.read", "users.read", "offline.access");
		assertThat(consent.get("code_challenge")).hasSize(43);
		LoggedRequest exchange = single(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
		Map<String, String> form = LoggedForms.form(exchange);
		assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "VGhpc0lzVGhlWENvZGU")
			.containsEntry("redirect_uri", "http://localhost/login/oauth2/code/x").doesNotContainKey("client_secret");
		assertThat(form.get("code_verifier")).matches("[A-Za-z0-9._~-]{43,128}");
		assertThat(s256(form.get("code_verifier"))).isEqualTo(consent.get("code_challenge"));
		assertThat(consent.values()).noneMatch(value -> value.equalsIgnoreCase("plain"));
		assertThat(exchange.getBodyAsString()).doesNotContainIgnoringCase("plain");
		assertThat(exchange.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
			.encodeToString((X_CLIENT_ID + ":" + X_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts");
		assertThat(result.getFlashMap().get("message")).isEqualTo("refresh.done");
		assertThat(status(id)).isEqualTo("VALID");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(NEW_ACCESS);
		assertThat(this.accounts.assets(id)).extracting(SeenAsset::name).containsExactly("@janedoe");
		assertThat(auditDetails(id, "token_refreshed")).containsExactly("EXPIRED → VALID");
	}

	@Test
	void refreshAtXThenTheRotatedRefreshTokenIsStoredEncryptedWithTheNewExpiry() throws Exception {
		long id = expiredXAccount();
		String oldRefresh = this.tokens.refreshToken(id).orElseThrow().reveal();
		xAnswers(externalId(id), "Jane Doe", "janedoe");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);
		Instant before = this.clock.instant();

		callback("x", session, "code", "VGhpc0lzVGhlWENvZGU", "state", consent.get("state"));

		assertThat(this.tokens.refreshToken(id).orElseThrow().reveal()).isEqualTo(NEW_REFRESH).isNotEqualTo(oldRefresh);
		Map<String, Object> row = this.jdbc.sql("""
				select access_token_ciphertext, refresh_token_ciphertext, expires_at from account_token where account_id = ?""")
			.param(id).query().singleRow();
		assertThat(new String((byte[]) row.get("access_token_ciphertext"), StandardCharsets.ISO_8859_1)).doesNotContain(NEW_ACCESS);
		assertThat(new String((byte[]) row.get("refresh_token_ciphertext"), StandardCharsets.ISO_8859_1)).doesNotContain(NEW_REFRESH);
		Instant expiresAt = this.tokens.find(id).orElseThrow().expiresAt();
		assertThat(expiresAt).isBetween(before.plus(Duration.ofHours(2)), this.clock.instant().plus(Duration.ofHours(2)));
	}

	@Test
	void refreshWhenSignedInAsAnotherXUserThenExplainsAndStoresNothing() throws Exception {
		long id = expiredXAccount();
		String before = this.tokens.accessToken(id).orElseThrow().reveal();
		xAnswers("1450000000000000001", "Somebody Else", "somebody");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		MvcResult result = callback("x", session, "code", "VGhpc0lzVGhlWENvZGU", "state", consent.get("state"));

		assertThat(result.getFlashMap().get("error")).isEqualTo("refresh.wrongIdentity");
		assertThat((Object[]) result.getFlashMap().get("errorArguments")).containsExactly("X", "Somebody Else",
				"1450000000000000001", externalId(id), this.accounts.find(id).orElseThrow().name());
		assertThat(status(id)).isEqualTo("EXPIRED");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(before);
		assertThat(auditDetails(id, "refresh_failed")).singleElement().asString().contains("account mismatch");
	}

	@Test
	void refreshWhenUserCancelsAtXThenSaysSoAndCallsNothing() throws Exception {
		long id = expiredXAccount();
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		MvcResult result = callback("x", session, "error", "access_denied", "state", consent.get("state"));

		assertThat(result.getFlashMap().get("error")).isEqualTo("refresh.cancelled");
		assertThat((Object[]) result.getFlashMap().get("errorArguments")).containsExactly("X",
				this.accounts.find(id).orElseThrow().name());
		assertThat(publishers.getAllServeEvents()).isEmpty();
		assertThat(status(id)).isEqualTo("EXPIRED");
		assertThat(auditDetails(id, "refresh_failed")).singleElement().asString().contains("access_denied");
	}

	@Test
	void refreshWhenXRefusesTheCodeThenExchangeFailedAndTheOldTokenStays() throws Exception {
		long id = expiredXAccount();
		String before = this.tokens.accessToken(id).orElseThrow().reveal();
		publishers.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error":"invalid_request","error_description":"Value passed for the authorization code was invalid."}""")));
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		MvcResult result = callback("x", session, "code", "VGhpc0lzVGhlWENvZGU", "state", consent.get("state"));

		assertThat(result.getFlashMap().get("error")).isEqualTo("refresh.exchangeFailed");
		assertThat(status(id)).isEqualTo("EXPIRED");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(before);
		publishers.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
		assertThat(auditDetails(id, "refresh_failed")).hasSize(1);
	}

	@Test
	void refreshWhenXIsUnreachableDuringTheExchangeThenTryAgainAndTheCodeIsNotRetried() throws Exception {
		long id = expiredXAccount();
		String before = this.tokens.accessToken(id).orElseThrow().reveal();
		publishers.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		MvcResult result = callback("x", session, "code", "VGhpc0lzVGhlWENvZGU", "state", consent.get("state"));

		assertThat(result.getFlashMap().get("error")).isEqualTo("refresh.unreachable");
		assertThat((Object[]) result.getFlashMap().get("errorArguments")).containsExactly("X");
		assertThat(status(id)).isEqualTo("EXPIRED");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(before);
		publishers.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
		assertThat(auditDetails(id, "refresh_failed")).hasSize(1);
	}

	private static LoggedRequest single(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
		List<LoggedRequest> requests = publishers.findAll(pattern);
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	// RFC 7636 4.2: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))), without padding
	private static String s256(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

}
