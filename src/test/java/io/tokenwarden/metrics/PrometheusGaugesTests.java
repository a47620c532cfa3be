package io.tokenwarden.metrics;

import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.health.HealthChecks;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each gauge as Prometheus reads it from the management port: accounts by publisher and status, expiries
 * ahead, outbox depths, open incidents and the health round's duration, moving with what they count.
 */
@DemoConsoleTest
class PrometheusGaugesTests {

	@LocalManagementPort
	int managementPort;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	AccountTokens tokens;

	@Autowired
	HealthChecks health;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void prometheusThenEverySeriesOfEachGaugeIsThere() throws Exception {
		String metrics = scrape();

		for (String publisher : new String[] { "FACEBOOK", "X" }) {
			for (String status : new String[] { "VALID", "EXPIRED", "INVALIDATED", "NONE" }) {
				assertThat(value(metrics, "tokenwarden_accounts{publisher=\"" + publisher + "\",status=\"" + status + "\"}"))
					.as(publisher + " " + status).isNotNaN();
			}
			assertThat(value(metrics, "tokenwarden_incidents_open{publisher=\"" + publisher + "\"}")).isNotNaN();
		}
		for (String within : new String[] { "1d", "7d", "30d" }) {
			assertThat(value(metrics, "tokenwarden_accounts_expiring{within=\"" + within + "\"}")).isNotNaN();
		}
		for (String outbox : new String[] { "notices", "revocations", "link_emails", "channels" }) {
			assertThat(value(metrics, "tokenwarden_outbox_depth{outbox=\"" + outbox + "\"}")).isNotNaN();
		}
	}

	@Test
	void grafanaDashboardThenEveryTokenWardenMetricItGraphsIsScraped() throws Exception {
		String metrics = scrape();
		String dashboard = Files.readString(Path.of("docs", "grafana-dashboard.json"));
		Matcher used = Pattern.compile("tokenwarden_[a-z_]+").matcher(dashboard);
		int count = 0;
		while (used.find()) {
			count++;
			// a timer's series are _count, _sum and _max; the dashboard names them as Prometheus does
			assertThat(metrics).as("the dashboard's %s", used.group()).contains(used.group());
		}
		assertThat(count).as("metrics the dashboard graphs").isGreaterThanOrEqualTo(6);
	}

	@Test
	void accountsAndExpiringWhenAccountsAreAddedThenTheyCountThem() throws Exception {
		String metrics = scrape();
		double facebookValid = value(metrics, "tokenwarden_accounts{publisher=\"FACEBOOK\",status=\"VALID\"}");
		double xExpired = value(metrics, "tokenwarden_accounts{publisher=\"X\",status=\"EXPIRED\"}");
		double within1 = value(metrics, "tokenwarden_accounts_expiring{within=\"1d\"}");
		double within7 = value(metrics, "tokenwarden_accounts_expiring{within=\"7d\"}");
		double within30 = value(metrics, "tokenwarden_accounts_expiring{within=\"30d\"}");
		long agency = this.agencies.createAgency("Metrics Agency " + UUID.randomUUID());
		// the application's clock: other tests of this context moved it forward
		Instant now = this.clock.instant();
		account(Publisher.FACEBOOK, agency, now.plus(Duration.ofHours(12)));
		account(Publisher.FACEBOOK, agency, now.plus(Duration.ofDays(3)));
		account(Publisher.FACEBOOK, agency, now.plus(Duration.ofDays(20)));
		long expired = account(Publisher.X, agency, null);
		this.tokens.changeStatus(expired, TokenStatus.EXPIRED, "PASSWORD_CHANGED", null, "test");

		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			String after = scrape();
			assertThat(value(after, "tokenwarden_accounts{publisher=\"FACEBOOK\",status=\"VALID\"}")).isEqualTo(facebookValid + 3);
			assertThat(value(after, "tokenwarden_accounts{publisher=\"X\",status=\"EXPIRED\"}")).isEqualTo(xExpired + 1);
			assertThat(value(after, "tokenwarden_accounts_expiring{within=\"1d\"}")).isEqualTo(within1 + 1);
			assertThat(value(after, "tokenwarden_accounts_expiring{within=\"7d\"}")).isEqualTo(within7 + 2);
			assertThat(value(after, "tokenwarden_accounts_expiring{within=\"30d\"}")).isEqualTo(within30 + 3);
		});
	}

	@Test
	void outboxDepthWhenNoticesRevocationsAndLinkEmailsWaitThenCountsEachOutbox() throws Exception {
		String metrics = scrape();
		double notices = value(metrics, "tokenwarden_outbox_depth{outbox=\"notices\"}");
		double revocations = value(metrics, "tokenwarden_outbox_depth{outbox=\"revocations\"}");
		double links = value(metrics, "tokenwarden_outbox_depth{outbox=\"link_emails\"}");
		long agency = this.agencies.createAgency("Metrics Outbox Agency " + UUID.randomUUID());
		long account = account(Publisher.FACEBOOK, agency, null);
		String u = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into notice (kind, account_id, recipient, publisher, external_id, account_name, owner_email,
				                    dedupe_key, status, next_attempt_at, created_at)
				values ('EXPIRED', ?, 'metrics@test.example', 'FACEBOOK', 'm', 'Metrics', 'metrics@test.example', ?,
				        'PENDING', now() + interval '1 day', now()),
				       ('EXPIRED', ?, 'metrics@test.example', 'FACEBOOK', 'm', 'Metrics', 'metrics@test.example', ?,
				        'FAILED', now() + interval '1 day', now()),
				       ('EXPIRED', ?, 'metrics@test.example', 'FACEBOOK', 'm', 'Metrics', 'metrics@test.example', ?,
				        'SENT', now(), now())""")
			.params(account, "metrics-1-" + u, account, "metrics-2-" + u, account, "metrics-3-" + u)
			.update();
		this.jdbc.sql("""
				insert into revocation_request (account_id, publisher, publisher_user_id, status, next_attempt_at, requested_by)
				values (?, 'FACEBOOK', 'm', 'PENDING', now() + interval '1 day', 'metrics test')""")
			.param(account).update();
		this.jdbc.sql("""
				insert into link_notice (purpose, subject_id, recipient, link_expires_at, dedupe_key, status,
				                         next_attempt_at, created_at)
				values ('INVITATION', 0, 'metrics@test.example', now() + interval '1 day', ?, 'PENDING',
				        now() + interval '1 day', now())""")
			.param("metrics-" + u).update();

		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			String after = scrape();
			assertThat(value(after, "tokenwarden_outbox_depth{outbox=\"notices\"}")).isEqualTo(notices + 2);
			assertThat(value(after, "tokenwarden_outbox_depth{outbox=\"revocations\"}")).isEqualTo(revocations + 1);
			assertThat(value(after, "tokenwarden_outbox_depth{outbox=\"link_emails\"}")).isEqualTo(links + 1);
		});
	}

	@Test
	void incidentsOpenWhenAPublisherIsDownThenOneUntilItCloses() throws Exception {
		boolean wasOpen = this.jdbc.sql("select count(*) from publisher_incident where publisher = 'X' and closed_at is null")
			.query(Long.class).single() > 0;
		Long opened = wasOpen ? null : this.jdbc.sql("""
				insert into publisher_incident (publisher, opened_at, detail) values ('X', now(), 'metrics test')
				returning id""").query(Long.class).single();
		try {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(value(scrape(), "tokenwarden_incidents_open{publisher=\"X\"}")).isEqualTo(1));
		}
		finally {
			if (opened != null) {
				this.jdbc.sql("update publisher_incident set closed_at = now() where id = ?").param(opened).update();
			}
		}
		if (opened != null) {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(value(scrape(), "tokenwarden_incidents_open{publisher=\"X\"}")).isZero());
		}
	}

	@Test
	void healthRoundWhenARoundRanThenItsDurationIsRecorded() throws Exception {
		double rounds = value(scrape(), "tokenwarden_health_round_seconds_count");

		this.health.runRound();

		String after = scrape();
		assertThat(value(after, "tokenwarden_health_round_seconds_count")).isEqualTo((Double.isNaN(rounds) ? 0 : rounds) + 1);
		assertThat(value(after, "tokenwarden_health_round_seconds_sum")).isPositive();
		assertThat(value(after, "tokenwarden_health_round_seconds_max")).isNotNaN();
	}

	private long account(Publisher publisher, long agency, Instant expiresAt) {
		String externalId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
		long id = this.accounts.create(publisher, externalId, "Metrics " + externalId, "metrics@test.example").id();
		this.accounts.link(agency, id);
		this.tokens.store(id, new NewToken(TokenSecret.of("EAAD-metrics-" + externalId),
				publisher == Publisher.X ? TokenSecret.of("x-secret-" + externalId) : null, expiresAt, null, null), "test");
		return id;
	}

	private String scrape() throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		return answer.body();
	}

	/** The series' value, NaN when the series is missing. */
	private static double value(String metrics, String series) {
		String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
		String labels = series.contains("{") ? series.substring(series.indexOf('{') + 1, series.length() - 1) : "";
		for (String line : metrics.split("\n")) {
			if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
				continue;
			}
			Matcher m = Pattern.compile("^([a-z_]+)(?:\\{([^}]*)\\})? (\\S+)").matcher(line);
			if (m.find() && m.group(1).equals(name) && containsAll(m.group(2), labels)) {
				return Double.parseDouble(m.group(3));
			}
		}
		return Double.NaN;
	}

	private static boolean containsAll(String have, String want) {
		if (want.isEmpty()) {
			return true;
		}
		for (String label : want.split(",")) {
			if (have == null || !have.contains(label)) {
				return false;
			}
		}
		return true;
	}

}
