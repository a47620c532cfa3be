package io.tokenwarden.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.HttpUser;
import io.tokenwarden.testsupport.RawHttp;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.tokens.TokenCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real installation behind a proxy: absolute redirects come from {@code tokenwarden.base-url} alone
 * (never from {@code Host} or {@code X-Forwarded-*}), Prometheus is on the management port only, and
 * control characters get a 400 before anything else. The OAuth redirect URIs (Facebook's, X's OAuth 1.0a
 * callback) are at the base URL too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "tokenwarden.demo.enabled=false",
		"tokenwarden.data-dir=target/test-data-operations", "tokenwarden.base-url=https://warden.example.test",
		// plain http in the test, as behind a TLS-terminating proxy
		"server.servlet.session.cookie.secure=false",
		"spring.security.oauth2.client.registration.facebook.client-id=138483919580948",
		"spring.security.oauth2.client.registration.facebook.client-secret=fb-app-secret-for-tests" })
@Import(TestData.class)
class OperationsDemoOffTests {

	/** X's API, for the request token of an X refresh (which carries the OAuth 1.0a callback). */
	static final WireMockServer x = new WireMockServer(options().dynamicPort());

	static {
		x.start();
	}

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Environment environment;

	@Autowired
	AgencyDirectory directory;

	@Autowired
	TestData data;

	@DynamicPropertySource
	static void keyset(DynamicPropertyRegistry registry) {
		registry.add("tokenwarden.encryption.keyset", TokenCipher::generateKeyset);
		registry.add("tokenwarden.publishers.x.api-url", x::baseUrl);
		registry.add("tokenwarden.publishers.x.consumer-key", () -> "operations-test-consumer");
		registry.add("tokenwarden.publishers.x.consumer-secret", () -> "operations-test-consumer-secret");
	}

	@AfterAll
	static void stopX() {
		x.stop();
	}

	@Test
	void redirectWhenTheClientSendsAnotherHostOrForwardedHeadersThenTheBaseUrl() throws Exception {
		RawHttp.Answer answer = RawHttp.get(this.port, "/config/accounts", "Host: evil.test",
				"X-Forwarded-Host: evil2.test", "X-Forwarded-Proto: http", "X-Forwarded-Port: 8443",
				"Forwarded: host=evil3.test;proto=http");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).isEqualTo("https://warden.example.test/login");
	}

	@Test
	void redirectFromTheFrontDoorThenTheBaseUrlToo() throws Exception {
		RawHttp.Answer answer = RawHttp.get(this.port, "/", "Host: evil.test");

		assertThat(answer.header("Location")).startsWith("https://warden.example.test/");
	}

	@Test
	void installationThenBindsWhereItIsToldAndPrometheusStaysOnTheManagementPort() throws Exception {
		assertThat(this.environment.getProperty("server.address")).isNull();
		assertThat(RawHttp.get(this.port, "/actuator/prometheus", "Host: 127.0.0.1").status()).isNotEqualTo(200);
		assertThat(RawHttp.get(this.managementPort, "/actuator/prometheus", "Host: 127.0.0.1").status()).isEqualTo(200);
		assertThat(RawHttp.get(this.port, "/actuator/health/readiness", "Host: 127.0.0.1").status()).isEqualTo(200);
	}

	@Test
	void sessionsPageWhenSignedInThenListsTheSessionAndEndsIt() throws Exception {
		String email = "operations-" + UUID.randomUUID() + "@test.example";
		this.directory.createUser(email, "Operations Tester", "a long passphrase for operations");
		HttpUser user = new HttpUser(this.port).signIn(email, "a long passphrase for operations");

		HttpResponse<String> page = user.get("/account/sessions");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("This device", "127.0.0.1");
		HttpResponse<String> end = user.post("/account/sessions/others/end", user.csrfOf("/account/sessions"));

		assertThat(end.headers().firstValue("Location")).hasValue("https://warden.example.test/account/sessions");
		assertThat(user.get("/account/sessions").statusCode()).as("still signed in here").isEqualTo(200);
	}

	@Test
	void refreshWhenAnAdminStartsItThenTheRedirectUriIsAtTheBaseUrlNotAtTheAddressAsked() throws Exception {
		String agency = TestData.unique("Operations Agency");
		long accountId = this.data.account(Publisher.FACEBOOK, TestData.unique("Operations Shop"), agency);
		String email = "operations-" + UUID.randomUUID() + "@test.example";
		long userId = this.directory.createUser(email, "Operations Admin", "a long passphrase for operations");
		this.directory.addMember(this.directory.findAgency(agency).orElseThrow(), userId, Role.ADMIN);
		HttpUser admin = new HttpUser(this.port).signIn(email, "a long passphrase for operations");

		HttpResponse<String> refresh = admin.post("/config/accounts/" + accountId + "/refresh",
				admin.csrfOf("/config/accounts/" + accountId));

		assertThat(refresh.statusCode()).isEqualTo(302);
		assertThat(URLDecoder.decode(refresh.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8))
			.contains("redirect_uri=https://warden.example.test/login/oauth2/code/facebook")
			.doesNotContain("127.0.0.1");
	}

	@Test
	void xRefreshWhenAnAdminStartsItThenTheOAuth1CallbackIsAtTheBaseUrlNotAtTheAddressAsked() throws Exception {
		x.stubFor(post(urlPathEqualTo("/oauth/request_token")).willReturn(aResponse().withBody(
				"oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0&oauth_token_secret=veNRnAWe6inFuo8o2u8SLLZLjolYDmDP7SzL0YfYI&oauth_callback_confirmed=true")));
		String agency = TestData.unique("Operations X Agency");
		long accountId = this.data.account(Publisher.X, TestData.unique("Operations X Shop"), agency);
		String email = "operations-" + UUID.randomUUID() + "@test.example";
		long userId = this.directory.createUser(email, "Operations Admin", "a long passphrase for operations");
		this.directory.addMember(this.directory.findAgency(agency).orElseThrow(), userId, Role.ADMIN);
		HttpUser admin = new HttpUser(this.port).signIn(email, "a long passphrase for operations");

		HttpResponse<String> refresh = admin.post("/config/accounts/" + accountId + "/refresh",
				admin.csrfOf("/config/accounts/" + accountId));

		assertThat(refresh.statusCode()).isEqualTo(302);
		assertThat(refresh.headers().firstValue("Location").orElseThrow())
			.startsWith(x.baseUrl() + "/oauth/authorize?oauth_token=NPcudxy0yU5T3tBzho7iCotZ3cnetKwcTIRlX0iwRl0");
		String authorization = x.findAll(postRequestedFor(urlPathEqualTo("/oauth/request_token"))).get(0)
			.getHeader("Authorization");
		assertThat(URLDecoder.decode(authorization, StandardCharsets.UTF_8))
			.contains("oauth_callback=\"https://warden.example.test/login/oauth1/callback/x\"")
			.doesNotContain("127.0.0.1", "localhost");
	}

	@Test
	void signInWhenTheEmailHoldsANulThenBadRequestBeforeAnythingElse() throws Exception {
		RawHttp.Answer answer = RawHttp.get(this.port, "/login?username=admin%00", "Host: 127.0.0.1");

		assertThat(answer.status()).isEqualTo(400);
	}

}
