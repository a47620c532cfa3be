package io.tokenwarden.web;

import io.tokenwarden.testsupport.InstallationTest;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.HttpUser;
import io.tokenwarden.testsupport.RawHttp;
import io.tokenwarden.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real installation behind a proxy: absolute redirects come from {@code tokenwarden.base-url} alone
 * (never from {@code Host} or {@code X-Forwarded-*}), Prometheus is on the management port only, and
 * control characters get a 400 before anything else. Facebook's OAuth redirect URI is at the base URL
 * too (X's OAuth 1.0a callback: {@code ConnectJourneyInBrowserTests}, whose installation has an X app).
 */
@InstallationTest
class OperationsDemoOffTests {

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

	@Test
	void redirectWhenTheClientSendsAnotherHostOrForwardedHeadersThenTheBaseUrl() throws Exception {
		RawHttp.Answer answer = RawHttp.get(this.port, "/config/accounts", "Host: evil.test",
				"X-Forwarded-Host: evil2.test", "X-Forwarded-Proto: http", "X-Forwarded-Port: 8443",
				"Forwarded: host=evil3.test;proto=http");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).isEqualTo(InstallationTest.BASE + "/login");
	}

	@Test
	void redirectFromTheFrontDoorThenTheBaseUrlToo() throws Exception {
		RawHttp.Answer answer = RawHttp.get(this.port, "/", "Host: evil.test");

		assertThat(answer.header("Location")).startsWith(InstallationTest.BASE + "/");
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

		assertThat(end.headers().firstValue("Location")).hasValue(InstallationTest.BASE + "/account/sessions");
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
			.contains("redirect_uri=" + InstallationTest.BASE + "/login/oauth2/code/facebook")
			.doesNotContain("127.0.0.1");
	}

	@Test
	void signInWhenTheEmailHoldsANulThenBadRequestBeforeAnythingElse() throws Exception {
		RawHttp.Answer answer = RawHttp.get(this.port, "/login?username=admin%00", "Host: 127.0.0.1");

		assertThat(answer.status()).isEqualTo(400);
	}

}
