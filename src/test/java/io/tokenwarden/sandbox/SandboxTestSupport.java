package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.x.OAuth1TestSigning;
import io.tokenwarden.testsupport.DemoSandboxTest;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Shared by the sandbox tests, in the {@link DemoSandboxTest} context: one running server (so calls go over
 * real HTTP, as the adapters' do), MockMvc for the browser forms, and users of their own so no test
 * disturbs the demo's.
 */
@DemoSandboxTest
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

	static final String X_CALLBACK = "http://localhost:8080/login/oauth1/callback/x";

	/** An OAuth 1.0a header for a call to this server, signed by the sandbox's X app (the token may be null). */
	String xAuthorization(HttpMethod method, String pathAndQuery, HeldToken token, Map<String, String> extra,
			Clock clock) {
		return OAuth1TestSigning.authorization(method.name(), URI.create("http://localhost:" + this.port + pathAndQuery),
				SandboxApps.X_CONSUMER_KEY, SandboxApps.X_CONSUMER_SECRET,
				token == null ? null : token.accessToken().reveal(),
				token == null || token.tokenSecret() == null ? null : token.tokenSecret().reveal(), extra, clock);
	}

	/** A call to the sandbox X with exactly this {@code Authorization} header (null: none). */
	ResponseEntity<String> xCall(HttpMethod method, String pathAndQuery, String authorization) {
		return this.http.method(method)
			.uri(pathAndQuery)
			.headers(headers -> {
				if (authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, authorization);
				}
			})
			.retrieve()
			.toEntity(String.class);
	}

	/** A GET signed with the user's token, as X wants it. */
	ResponseEntity<String> xGet(String pathAndQuery, HeldToken token) {
		return xCall(HttpMethod.GET, pathAndQuery, xAuthorization(HttpMethod.GET, pathAndQuery, token, Map.of(),
				Clock.systemUTC()));
	}

	/** A POST signed with the token (null for none) and these protocol parameters. */
	ResponseEntity<String> xPost(String path, HeldToken token, Map<String, String> extra) {
		return xCall(HttpMethod.POST, path, xAuthorization(HttpMethod.POST, path, token, extra, Clock.systemUTC()));
	}

	/** An {@code application/x-www-form-urlencoded} answer body as pairs. */
	static Map<String, String> form(ResponseEntity<String> response) {
		Map<String, String> pairs = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString("http://x/?" + response.getBody()).build().getQueryParams().toSingleValueMap()
			.forEach((name, value) -> pairs.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8)));
		return pairs;
	}

	/** A new request token for the demo console's callback: {@code oauth_token}, {@code oauth_token_secret}. */
	Map<String, String> xRequestToken() {
		ResponseEntity<String> response = xPost("/sandbox/x/oauth/request_token", null, Map.of("oauth_callback", X_CALLBACK));
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return form(response);
	}

	/** "Authorize app" ({@code continue}) or "Cancel" on X's consent page; answers where the browser is sent. */
	String xAuthorize(String requestToken, SandboxUser user, String decision) throws Exception {
		MvcResult result = this.mvc.perform(post(ConsentController.X_AUTHORIZE).with(csrf())
			.param("oauth_token", requestToken)
			.param("sandbox_user", String.valueOf(user.id()))
			.param("sandbox_decision", decision)).andReturn();
		return result.getResponse().getHeader(HttpHeaders.LOCATION);
	}

	/** The access token exchange, signed with the request token and its secret. */
	ResponseEntity<String> xAccessToken(Map<String, String> requestToken, String verifier) {
		return xPost("/sandbox/x/oauth/access_token", new HeldToken(TokenSecret.of(requestToken.get("oauth_token")),
				TokenSecret.of(requestToken.get("oauth_token_secret"))), Map.of("oauth_verifier", verifier));
	}

	/** A live OAuth 1.0a token and secret for the user, through the three legs. */
	HeldToken xTokens(SandboxUser user) throws Exception {
		Map<String, String> requestToken = xRequestToken();
		String verifier = queryParam(xAuthorize(requestToken.get("oauth_token"), user, "continue"), "oauth_verifier");
		Map<String, String> access = form(xAccessToken(requestToken, verifier));
		return new HeldToken(TokenSecret.of(access.get("oauth_token")), TokenSecret.of(access.get("oauth_token_secret")));
	}

}
