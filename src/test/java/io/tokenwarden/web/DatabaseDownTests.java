package io.tokenwarden.web;

import io.tokenwarden.database.ScratchDatabases;
import io.tokenwarden.testsupport.AppInstance;
import io.tokenwarden.testsupport.HttpUser;
import io.tokenwarden.testsupport.TcpProxy;
import io.tokenwarden.tokens.TokenCipher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.util.HtmlUtils;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away (a proxy in front of PostgreSQL resets every connection and refuses new ones),
 * then comes back: meanwhile every page answers fast with a 503 that says what is wrong (the status API a
 * problem, not a page), readiness says DOWN, and afterwards the same session works again and the scheduled
 * jobs carry on, with no restart.
 */
class DatabaseDownTests {

	private static final Pattern SERVER = Pattern.compile("jdbc:postgresql://localhost:(\\d+)/(\\w+)\\?.*");

	private static final Duration FAST = Duration.ofSeconds(5);

	@Test
	void databaseCutThenFast503AndReadinessDownThenBackWithoutARestart() throws Exception {
		Matcher database = SERVER.matcher(ScratchDatabases.createUrl());
		assertThat(database.matches()).isTrue();
		try (TcpProxy proxy = new TcpProxy(Integer.parseInt(database.group(1)));
				ConfigurableApplicationContext app = start(proxy, database.group(2))) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			int managementPort = app.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
			HttpUser admin = new HttpUser(port).signIn("ops-admin@test.example", "a long passphrase 17");
			assertThat(admin.get("/config/accounts").statusCode()).isEqualTo(200);

			proxy.cut();

			Timed page = Timed.of(() -> admin.get("/config/accounts"));
			Timed login = Timed.of(() -> new HttpUser(port).get("/login"));
			Timed readiness = Timed.of(() -> new HttpUser(port).get("/actuator/health/readiness"));
			Timed managementReadiness = Timed.of(() -> get(managementPort, "/actuator/health/readiness"));
			System.out.printf("Database cut: the accounts page answered %d in %d ms, /login %d in %d ms, "
					+ "readiness %d in %d ms (management port %d in %d ms)%n", page.status(), page.millis(),
					login.status(), login.millis(), readiness.status(), readiness.millis(), managementReadiness.status(),
					managementReadiness.millis());
			assertThat(page.status()).isEqualTo(503);
			assertThat(page.millis()).isLessThan(FAST.toMillis());
			assertThat(HtmlUtils.htmlUnescape(page.body())).contains("Token Warden can't reach its database right now")
				.doesNotContain("Exception", "at io.tokenwarden", "PSQL", "Hikari");
			// the status API's token check needs the database too: its 503 is a problem, never the HTML page
			HttpResponse<String> api = get(port, "/api/v1/accounts", "Bearer tw_" + "A".repeat(43));
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
				.startsWith("application/problem+json"));
			assertThat(api.headers().firstValue("Retry-After")).hasValue("10");
			assertThat(api.body()).contains("\"status\":503", "\"title\":\"Service Unavailable\"",
					"can't reach its database").doesNotContain("<html", "Exception", "PSQL", "Hikari");
			assertThat(login.millis()).isLessThan(FAST.toMillis());
			assertThat(readiness.status()).isEqualTo(503);
			assertThat(readiness.millis()).isLessThan(FAST.toMillis());
			assertThat(managementReadiness.status()).isEqualTo(503);
			assertThat(managementReadiness.millis()).isLessThan(FAST.toMillis());

			proxy.restore();
			Instant restored = Instant.now();

			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> admin.get("/config/accounts").statusCode() == 200);
			long recovered = Duration.between(restored, Instant.now()).toMillis();
			assertThat(new HttpUser(port).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
			JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
					"jdbc:postgresql://localhost:" + database.group(1) + "/" + database.group(2), "postgres",
					ScratchDatabases.password()));
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
					"select last_success from scheduled_tasks where task_name = 'notice-sender'")
				.query(Timestamp.class).optional().map(t -> t.toInstant().isAfter(restored)).orElse(false));
			System.out.printf("Database restored: the same session served the accounts page again after %d ms, "
					+ "and the notice sender ran again after %d ms%n", recovered,
					Duration.between(restored, Instant.now()).toMillis());
		}
	}

	/** An installation of its own (demo off) on a scratch database reached through the proxy. */
	private static ConfigurableApplicationContext start(TcpProxy proxy, String name) {
		return AppInstance.start("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name,
				"--spring.datasource.username=postgres", "--spring.datasource.password=" + ScratchDatabases.password(),
				"--tokenwarden.demo.enabled=false", "--tokenwarden.encryption.keyset=" + TokenCipher.generateKeyset(),
				"--tokenwarden.bootstrap.admin-email=ops-admin@test.example",
				"--tokenwarden.bootstrap.admin-password=a long passphrase 17", "--tokenwarden.bootstrap.agency=Ops Agency",
				"--server.port=0", "--server.servlet.session.cookie.secure=false",
				"--tokenwarden.notifications.scheduled-sending=true", "--tokenwarden.notifications.poll-interval=PT1S",
				"--db-scheduler.polling-interval=PT1S", "--spring.mail.host=127.0.0.1", "--spring.mail.port=1");
	}

	private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", authorization).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** An answer and how long it took. */
	private record Timed(int status, String body, long millis) {

		interface Call {

			HttpResponse<String> send() throws Exception;

		}

		static Timed of(Call call) throws Exception {
			long started = System.nanoTime();
			HttpResponse<String> answer = call.send();
			return new Timed(answer.statusCode(), answer.body(), (System.nanoTime() - started) / 1_000_000);
		}

	}

}
