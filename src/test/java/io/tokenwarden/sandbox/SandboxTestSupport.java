package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Shared by the sandbox tests: one running server (so calls go over real HTTP, as the adapters'
 * do), MockMvc for the browser forms, and users of their own so no test disturbs the demo's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class SandboxTestSupport {

	static final String CALLBACK = "http://localhost:8080/login/oauth2/code/";

	static final String FACEBOOK_SCOPES = "ads_read,ads_management,pages_show_list";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	SandboxDirectory directory;

	RestClient http;

	@BeforeEach
	void httpClient() {
		this.http = client(Duration.ofSeconds(30));
	}

	RestClient client(Duration readTimeout) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
		factory.setReadTimeout(readTimeout);
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.requestFactory(factory)
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	SandboxUser newUser(Publisher publisher, int pages, int adAccounts) {
		String id = String.valueOf(ThreadLocalRandom.current().nextLong(9_000_000_000L, 9_999_999_999L));
		return this.directory.createUser(publisher, id, "Test " + publisher.displayName() + " " + id, pages, adAccounts);
	}

	ResponseEntity<String> httpGet(String uri, String bearer) {
		return this.http.get()
			.uri(uri)
			.headers(headers -> {
				if (bearer != null) {
					headers.setBearerAuth(bearer);
				}
			})
			.retrieve()
			.toEntity(String.class);
	}

	ResponseEntity<String> postForm(String uri, Map<String, String> form, String authorization) {
		MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
		form.forEach(body::add);
		return this.http.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.headers(headers -> {
				if (authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, authorization);
				}
			})
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	JsonNode json(ResponseEntity<String> response) {
		return this.json.readTree(response.getBody());
	}

	/** Clicks "Continue as" on a consent page and answers where the browser is sent. */
	String consent(String path, Map<String, String> params, SandboxUser user, AccessLevel level, String decision)
			throws Exception {
		var request = post(path).with(csrf())
			.param("sandbox_user", String.valueOf(user.id()))
			.param("sandbox_level", level.name())
			.param("sandbox_decision", decision);
		params.forEach(request::param);
		MvcResult result = this.mvc.perform(request).andReturn();
		return result.getResponse().getHeader(HttpHeaders.LOCATION);
	}

	static String queryParam(String location, String name) {
		return UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst(name);
	}

	// ---- Facebook

	String facebookCode(SandboxUser user, AccessLevel level) throws Exception {
		String location = consent(ConsentController.FACEBOOK_DIALOG, Map.of("client_id", SandboxApps.FACEBOOK_APP_ID,
				"redirect_uri", CALLBACK + "facebook", "state", "st", "scope", FACEBOOK_SCOPES, "response_type", "code"),
				user, level, "continue");
		return queryParam(location, "code");
	}

	ResponseEntity<String> exchangeFacebookCode(String code) {
		return httpGet("/sandbox/facebook/v25.0/oauth/access_token?client_id=" + SandboxApps.FACEBOOK_APP_ID
				+ "&client_secret=" + SandboxApps.FACEBOOK_APP_SECRET + "&redirect_uri=" + CALLBACK + "facebook&code="
				+ code, null);
	}

	/** A live long-lived user token for the user, through consent and code exchange. */
	String facebookToken(SandboxUser user, AccessLevel level) throws Exception {
		return json(exchangeFacebookCode(facebookCode(user, level))).path("access_token").asString();
	}

	ResponseEntity<String> graph(String path, String token) {
		return httpGet("/sandbox/facebook/v25.0/" + path, token);
	}

	ResponseEntity<String> debugToken(String token) {
		return httpGet("/sandbox/facebook/v25.0/debug_token?input_token=" + token, SandboxApps.FACEBOOK_APP_ID + "|"
				+ SandboxApps.FACEBOOK_APP_SECRET);
	}

	// ---- X

	static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-0123456789-abcdef";

	static String challenge(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	static String xClient() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((SandboxApps.X_CLIENT_ID + ":" + SandboxApps.X_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
	}

	Map<String, String> xAuthorizeParams() throws Exception {
		return Map.of("response_type", "code", "client_id", SandboxApps.X_CLIENT_ID, "redirect_uri", CALLBACK + "x",
				"scope", "tweet.read users.read offline.access", "state", "xs", "code_challenge", challenge(VERIFIER),
				"code_challenge_method", "S256");
	}

	String xCode(SandboxUser user) throws Exception {
		return queryParam(consent(ConsentController.X_AUTHORIZE, xAuthorizeParams(), user, AccessLevel.ADMIN, "continue"),
				"code");
	}

	ResponseEntity<String> exchangeXCode(String code, String verifier) {
		return postForm("/sandbox/x/2/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
				"redirect_uri", CALLBACK + "x", "code_verifier", verifier), xClient());
	}

	ResponseEntity<String> refreshX(String refreshToken) {
		return postForm("/sandbox/x/2/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), xClient());
	}

	/** A live access and refresh token pair for the user: {@code access_token}, {@code refresh_token}. */
	JsonNode xTokens(SandboxUser user) throws Exception {
		return json(exchangeXCode(xCode(user), VERIFIER));
	}

}
