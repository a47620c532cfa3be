package io.tokenwarden.web;

import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.Publishers;
import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.testsupport.HttpUser;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The demo as an operator meets it: it serves this machine only, Prometheus is on the management port and
 * health on both, redirects ignore the {@code Host} a client sends, and control characters get a 400.
 */
@DemoConsoleTest
class OperationsTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Publishers publishers;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void demoWhenNoAddressIsGivenThenServesThisMachineOnly() throws Exception {
		assertThat(this.environment.getProperty("server.address")).isEqualTo("127.0.0.1");
		assertThat(this.environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
		for (InetAddress address : otherAddressesOfThisHost()) {
			assertRefused(address, this.port);
			assertRefused(address, this.managementPort);
		}
		assertThat(get(this.port, "/login").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusWhenAskedOnTheMainPortThenNotServed() throws Exception {
		HttpResponse<String> main = get(this.port, "/actuator/prometheus");

		assertThat(main.statusCode()).isNotEqualTo(200);
		assertThat(main.body()).doesNotContain("jvm_");
	}

	@Test
	void prometheusOnTheManagementPortThenServed() throws Exception {
		HttpResponse<String> metrics = get(this.managementPort, "/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
	}

	@Test
	void prometheusWhenAPublisherWasAskedThenItsCallsAreTimedByHostAndNeverShowTheToken() throws Exception {
		String token = "EAAGmetrics" + System.nanoTime();
		this.publishers.client(Publisher.FACEBOOK).inspectAll(List.of(new HeldToken(TokenSecret.of(token), null)));

		String metrics = get(this.managementPort, "/actuator/prometheus").body();

		assertThat(metrics).containsPattern(
				"http_client_requests_seconds_count\\{[^}]*client_name=\"localhost\"[^}]*method=\"POST\"[^}]*\\} [1-9]");
		assertThat(metrics).doesNotContain(token).doesNotContain("access_token");
		assertThat(metrics.lines().filter(l -> l.startsWith("http_client_requests_seconds_count")))
			.as("uri templates or none: one series per host and request kind, not one per call")
			.allMatch(l -> l.contains("uri=\"none\"") || !l.contains("?"));
	}

	@Test
	void healthOnTheMainPortThenUpWithItsProbesAndNothingElse() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness", "/readyz",
				"/livez")) {
			HttpResponse<String> health = get(this.port, path);
			assertThat(health.statusCode()).as(path).isEqualTo(200);
			assertThat(health.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components");
		}
		assertThat(get(this.port, "/actuator/health/db").statusCode()).isNotEqualTo(200);
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void redirectWhenTheClientSendsAnotherHostThenItIsNotUsed() throws Exception {
		RawHttp.Answer answer = RawHttp.get(this.port, "/config/accounts", "Host: evil.test",
				"X-Forwarded-Host: evil2.test", "X-Forwarded-Proto: https");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).isEqualTo("/login");
	}

	@Test
	void searchWhenTheQueryHoldsANulThenBadRequestThatSaysWhy() throws Exception {
		HttpUser viewer = new HttpUser(this.port).signIn("viewer@demo.test", "demo");

		HttpResponse<String> nul = viewer.get("/config/accounts?q=shop%00");
		HttpResponse<String> escape = viewer.get("/config/accounts?q=%1Bshop");
		HttpResponse<String> tab = viewer.get("/config/accounts?q=shop%09");

		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(nul.body()).contains("control character").doesNotContain("Exception");
		assertThat(escape.statusCode()).isEqualTo(400);
		assertThat(tab.statusCode()).as("tab, CR and LF are text").isEqualTo(200);
	}

	@Test
	void invalidateWhenTheNoteHoldsANulThenBadRequestAndTheTokenStaysValid() throws Exception {
		long id = this.jdbc.sql("""
				select l.account_id from agency_account_link l join agency g on g.id = l.agency_id
				join account_token t on t.account_id = l.account_id
				where g.name = 'Northwind Agency' and t.status = 'VALID' order by l.account_id limit 1""")
			.query(Long.class).single();
		HttpUser admin = new HttpUser(this.port).signIn("admin@demo.test", "demo");
		String csrf = admin.csrfOf("/config/accounts/" + id + "/invalidate");

		HttpResponse<String> answer = admin.post("/config/accounts/" + id + "/invalidate", csrf, "note", "left\u0000");
		HttpResponse<String> badName = admin.post("/config/accounts/" + id + "/invalidate", csrf, "no\u0000te", "left");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("control character");
		assertThat(badName.statusCode()).isEqualTo(400);
		assertThat(this.jdbc.sql("select status from account_token where account_id = ?").param(id)
			.query(String.class).single()).isEqualTo("VALID");
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** This host's addresses other than loopback (none, in a bare container). */
	static List<InetAddress> otherAddressesOfThisHost() throws IOException {
		return NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.toList();
	}

	private static void assertRefused(InetAddress address, int port) {
		assertThatExceptionOfType(IOException.class).as("%s:%d", address, port).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(address, port), 2000);
			}
		});
	}

}
