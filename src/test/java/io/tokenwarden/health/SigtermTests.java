package io.tokenwarden.health;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tokenwarden.TokenWardenApplication;
import io.tokenwarden.database.EmbeddedPostgresServer;
import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.notifications.TestSmtp;
import org.springframework.test.util.TestSocketUtils;
import io.tokenwarden.tokens.TokenCipher;
import io.tokenwarden.tokens.TokenKind;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.SqlArrayValue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM in the middle of a health round, to the application in a JVM of its own on its own embedded
 * database: the round stops cleanly (its claims released, no job row left picked, the database stopped
 * last), and after a restart, even with the sender's job row left as a crash leaves it, the round finishes
 * and every email goes out within a minute, each exactly once.
 */
class SigtermTests {

	private static final int ACCOUNTS = 600;

	private static final PublisherImitation imitation = new PublisherImitation();

	private static final WireMockServer graph = new WireMockServer(
			options().dynamicPort().containerThreads(32).stubRequestLoggingDisabled(true).extensions(imitation));

	@RegisterExtension
	static final TestSmtp smtp = new TestSmtp();

	@AfterAll
	static void stopGraph() {
		graph.stop();
	}

	@Test
	void sigtermMidRoundThenClaimsReleasedAndAfterARestartEveryEmailOnceWithinAMinute(@TempDir Path dir) throws Exception {
		graph.start();
		// each batch takes a while: the round is still going when the signal comes
		graph.stubFor(post(urlPathEqualTo("/v25.0/"))
			.willReturn(aResponse().withFixedDelay(1500).withTransformers(PublisherImitation.NAME)));
		String keyset = TokenCipher.generateKeyset();
		Path data = dir.resolve("postgres");
		List<Long> expired = fill(data, new TokenCipher(keyset));

		try (App first = App.start(dir, keyset, "first")) {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
				.until(() -> first.exited() || imitation.batches() > 0);
			assertThat(first.exited()).as("the first instance is running; its log: %s", first.log).isFalse();
			long signalled = System.nanoTime();

			int exit = first.sigterm(Duration.ofSeconds(60));

			System.out.printf("SIGTERM mid-round: %d of %d batches answered, the instance stopped in %d ms (exit %d)%n",
					imitation.batches(), (ACCOUNTS + 49) / 50, (System.nanoTime() - signalled) / 1_000_000, exit);
			assertThat(exit).isIn(0, 143);
			String log = Files.readString(first.log);
			assertThat(log).doesNotContain("Connection refused", "the database system is shutting down");
			// the pool closed, and no connection was cut before it did. After it, on a loaded machine, a backend
			// whose client has just closed can still be on its way out when PostgreSQL stops, which then logs
			// "terminating connection" for it (a full run did): PostgreSQL's timing, not a connection left open
			int poolClosed = log.indexOf("HikariPool-1 - Shutdown completed");
			assertThat(poolClosed).as("the pool's shutdown in the log: %s", first.log).isPositive();
			assertThat(log.substring(0, poolClosed)).doesNotContain("terminating connection");
		}
		JdbcClient jdbc = database(data);
		assertThat(jdbc.sql("select count(*) from account_health where claimed_until > now()").query(Long.class).single())
			.as("claims left behind").isZero();
		assertThat(jdbc.sql("select count(*) from scheduled_tasks where picked").query(Long.class).single())
			.as("job rows left picked").isZero();
		long checkedBefore = jdbc.sql("select count(distinct account_id) from token_check").query(Long.class).single();
		assertThat(checkedBefore).as("the round was cut short").isLessThan(ACCOUNTS);
		// as a crash (kill -9) leaves it: the sender's row picked by an instance that no longer beats
		jdbc.sql("""
				update scheduled_tasks set picked = true, picked_by = 'crashed-instance',
				    last_heartbeat = now() - interval '1 minute', execution_time = now() - interval '1 minute'
				where task_name = 'notice-sender'""").update();
		EmbeddedPostgresServer.stop(data);

		try (App second = App.start(dir, keyset, "second")) {
			second.awaitReady(Duration.ofSeconds(120));
			long ready = System.nanoTime();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
				.until(() -> expired.stream().allMatch(id -> !smtp.messagesTo(owner(id)).isEmpty()));
			System.out.printf("After the restart: every expiry email out %d ms after the instance was ready (%d accounts "
					+ "checked before the signal, %d after)%n", (System.nanoTime() - ready) / 1_000_000, checkedBefore,
					ACCOUNTS - checkedBefore);
			JdbcClient live = runningDatabase(data);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> live
				.sql("select count(distinct account_id) from token_check").query(Long.class).single() == ACCOUNTS);
			assertThat(live.sql("select count(*) from token_check").query(Long.class).single())
				.as("each account checked once").isEqualTo(ACCOUNTS);
			assertThat(expired).allSatisfy(id -> assertThat(smtp.messagesTo(owner(id))).as(owner(id)).hasSize(1));
			second.sigterm(Duration.ofSeconds(60));
		}
		finally {
			EmbeddedPostgresServer.stop(data);
		}
	}

	/** The schema and the accounts, written before the first start: every 20th token refused (expired). */
	private static List<Long> fill(Path data, TokenCipher cipher) {
		JdbcClient jdbc = database(data);
		io.tokenwarden.database.ScratchDatabases.migrate(new DriverManagerDataSource(
				EmbeddedPostgresServer.start(data, false), "postgres", EmbeddedPostgresServer.password(data)));
		long agency = jdbc.sql("insert into agency (name) values ('Sigterm Agency') returning id").query(Long.class).single();
		List<Long> ids = jdbc.sql("""
				insert into publisher_account (publisher, external_id, name, owner_email)
				select 'FACEBOOK', (400000000000000 + g)::text, 'Sigterm Shop ' || g, 'owner' || g || '@sigterm.test'
				from generate_series(1, ?) g returning id""").param(ACCOUNTS).query(Long.class).list();
		jdbc.sql("update publisher_account set owner_email = 'owner' || id || '@sigterm.test'").update();
		List<byte[]> ciphertexts = new ArrayList<>();
		List<Long> expired = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			long id = ids.get(i);
			ciphertexts.add(cipher.encrypt(id, TokenKind.ACCESS, TokenSecret.of("sigterm-token-" + id)));
			imitation.answer("sigterm-token-" + id, i % 20 == 0 ? Answer.refused(460) : Answer.valid());
			if (i % 20 == 0) {
				expired.add(id);
			}
		}
		SqlArrayValue idArray = new SqlArrayValue("bigint", ids.toArray(new Long[0]));
		jdbc.sql("""
				insert into account_token (account_id, access_token_ciphertext, scopes, status, status_changed_by)
				select u.id, u.c, 'ads_read', 'VALID', 'test' from unnest(?, ?) as u(id, c)""")
			.param(1, idArray).param(2, new SqlArrayValue("bytea", (Object[]) ciphertexts.toArray(new byte[0][]))).update();
		jdbc.sql("insert into agency_account_link (agency_id, account_id) select ?, u from unnest(?) u")
			.params(agency, idArray).update();
		jdbc.sql("insert into account_health (account_id, next_check_at) select u, now() - interval '1 day' from unnest(?) u")
			.param(idArray).update();
		EmbeddedPostgresServer.stop(data);
		return expired;
	}

	private static JdbcClient database(Path data) {
		String url = EmbeddedPostgresServer.start(data, false);
		return JdbcClient.create(new DriverManagerDataSource(url, "postgres", EmbeddedPostgresServer.password(data)));
	}

	/** The database the running instance started: its port from postmaster.pid, its password from the file. */
	private static JdbcClient runningDatabase(Path data) throws IOException {
		String port = Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim();
		String password = Files.readString(data.resolveSibling("postgres.password")).trim();
		return JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://localhost:" + port + "/postgres",
				"postgres", password));
	}

	private static String owner(long id) {
		return "owner" + id + "@sigterm.test";
	}

	/** The application in a JVM of its own: the production classes only (no test configuration scanned). */
	private static final class App implements AutoCloseable {

		private final Process process;

		private final Path log;

		private final int port;

		private App(Process process, Path log, int port) {
			this.process = process;
			this.log = log;
			this.port = port;
		}

		static App start(Path dir, String keyset, String name) throws IOException {
			int port = TestSocketUtils.findAvailableTcpPort();
			String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
				.filter(entry -> !entry.endsWith("test-classes"))
				.collect(Collectors.joining(File.pathSeparator));
			List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
					"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath, TokenWardenApplication.class.getName(),
					"--server.port=" + port, "--management.server.port=0", "--tokenwarden.data-dir=" + dir,
					"--tokenwarden.demo.enabled=false", "--tokenwarden.publishers.facebook.graph-url=" + graph.baseUrl()
							+ "/v25.0",
					"--spring.security.oauth2.client.registration.facebook.client-id=138483919580948",
					"--spring.security.oauth2.client.registration.facebook.client-secret=fb-app-secret-for-tests",
					"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
					"--tokenwarden.health.round-poll=PT1S", "--tokenwarden.notifications.poll-interval=PT1S",
					"--db-scheduler.polling-interval=PT1S", "--tokenwarden.sync.scheduled-sync=false",
					"--tokenwarden.refresh.scheduled-renewal=false", "--server.servlet.session.cookie.secure=false");
			Path log = dir.resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("TOKENWARDEN_ENCRYPTION_KEYSET", keyset);
			return new App(builder.start(), log, port);
		}

		boolean exited() {
			return !this.process.isAlive();
		}

		void awaitReady(Duration limit) {
			HttpClient http = HttpClient.newHttpClient();
			await().atMost(limit).pollInterval(Duration.ofMillis(250)).until(() -> {
				assertThat(this.process.isAlive()).as("the app stopped; its log: %s", this.log).isTrue();
				try {
					return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/readyz")).build(),
							HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}

		/** SIGTERM, and its exit code once it has stopped. */
		int sigterm(Duration limit) throws InterruptedException {
			this.process.destroy();
			assertThat(this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)).as("stopped within %s", limit).isTrue();
			return this.process.exitValue();
		}

		@Override
		public void close() throws InterruptedException {
			if (this.process.isAlive()) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

}
