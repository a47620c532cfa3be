package io.tokenwarden.health;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.tokens.TokenCipher;
import io.tokenwarden.tokens.TokenKind;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round over 100,000 Facebook tokens against a Graph imitation that answers each batch in 50 ms. Prints
 * the round's wall time against the bound the configuration sets (tokens / batch size / concurrency ×
 * 50 ms), the heap before, during and after, and the API calls per token. Asserts that every token was
 * checked exactly once, never a time. Run with {@code ./mvnw -Pbenchmark verify}.
 */
@Tag("benchmark")
@SpringBootTest
class HealthRoundBenchmarkTests {

	private static final int TOKENS = 100_000;

	private static final int ANSWER_MILLIS = 50;

	private static final int CHUNK = 5_000;

	static final PublisherImitation imitation = new PublisherImitation();

	static final WireMockServer graph = new WireMockServer(
			options().dynamicPort().containerThreads(80).disableRequestJournal().stubRequestLoggingDisabled(true).extensions(imitation));

	static {
		graph.start();
	}

	@DynamicPropertySource
	static void graphUrl(DynamicPropertyRegistry registry) {
		registry.add("tokenwarden.publishers.facebook.graph-url", () -> graph.baseUrl() + "/v25.0");
		registry.add("spring.security.oauth2.client.registration.facebook.client-id", () -> "138483919580948");
		registry.add("spring.security.oauth2.client.registration.facebook.client-secret", () -> "fb-app-secret-for-tests");
	}

	@AfterAll
	static void stopGraph() {
		graph.stop();
	}

	@Autowired
	HealthChecks checks;

	@Autowired
	HealthSettings settings;

	@Autowired
	TokenCipher cipher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void roundOverAHundredThousandFacebookTokens() {
		graph.stubFor(post(urlPathEqualTo("/v25.0/"))
			.willReturn(aResponse().withFixedDelay(ANSWER_MILLIS).withTransformers(PublisherImitation.NAME)));
		imitation.answerUnknownTokens(Answer.valid());
		long fillStarted = System.nanoTime();
		List<Long> ids = fill();
		System.out.printf(Locale.ROOT, "%nFilled %,d Facebook accounts with encrypted tokens in %.1f s%n", ids.size(),
				seconds(System.nanoTime() - fillStarted));

		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long heapBefore = usedAfterGc(memory);
		AtomicLong peak = new AtomicLong();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0,
				100, TimeUnit.MILLISECONDS);
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		double loadBefore = os.getSystemLoadAverage();
		long cpuBefore = os.getProcessCpuTime();
		long started = System.nanoTime();
		int checked = this.checks.runRound();
		long wall = System.nanoTime() - started;
		long cpu = os.getProcessCpuTime() - cpuBefore;
		double loadAfter = os.getSystemLoadAverage();
		sampler.shutdownNow();

		long checks = this.jdbc.sql("""
				select count(*) from token_check c join publisher_account a on a.id = c.account_id
				where a.name like 'Benchmark Shop %'""").query(Long.class).single();
		String outcomes = this.jdbc.sql("""
				select string_agg(outcome || ' ' || n, ', ') from (select c.outcome, count(*) n from token_check c
				join publisher_account a on a.id = c.account_id where a.name like 'Benchmark Shop %' group by c.outcome) o""")
			.query(String.class).single();
		String details = this.jdbc.sql("""
				select string_agg(distinct c.detail, ' | ') from token_check c join publisher_account a on a.id = c.account_id
				where a.name like 'Benchmark Shop %' and c.outcome <> 'VALID'""").query(String.class).optional().orElse("");
		System.out.println("Outcomes: " + outcomes + "; open incidents: " + this.checks.openIncidents() + "; " + details);
		int batches = imitation.batches();
		long inspected = ids.stream().limit(1000).filter(id -> imitation.inspections("bench-token-" + id) == 1).count();
		imitation.reset();
		long heapAfter = usedAfterGc(memory);
		double bound = (double) TOKENS / this.settings.batchSize() / this.settings.concurrency() * ANSWER_MILLIS / 1000;
		System.out.printf(Locale.ROOT, """

				Health round benchmark: %,d Facebook tokens, batch size %d, concurrency %d, Graph answers in %d ms
				  checked by the round:    %,d (token_check rows for the benchmark's accounts: %,d)
				  wall time:               %.1f s
				  bound:                   %.1f s (%,d / %d / %d x %d ms)
				  ratio:                   %.2fx (target <= 1.5x)
				  heap used before (GC'd): %,d MB
				  heap used peak (raw):    %,d MB
				  heap used after (GC'd):  %,d MB
				  API calls per token:     %.3f (%,d Graph batch requests)
				  this JVM's CPU:          %.1f s (the application and the Graph imitation), on %d cores
				  load average:            %.1f before, %.1f after (other processes share the machine)
				%n""", TOKENS, this.settings.batchSize(), this.settings.concurrency(), ANSWER_MILLIS, checked, checks,
				seconds(wall), bound, TOKENS, this.settings.batchSize(), this.settings.concurrency(), ANSWER_MILLIS,
				seconds(wall) / bound, heapBefore >> 20, peak.get() >> 20, heapAfter >> 20, (double) batches / TOKENS,
				batches, seconds(cpu), os.getAvailableProcessors(), loadBefore, loadAfter);
		assertThat(checks).isEqualTo(TOKENS);
		assertThat(inspected).as("of the first 1,000 tokens, inspected exactly once").isEqualTo(1000);
	}

	/** 100,000 Facebook accounts with encrypted tokens, all due: rows made in SQL, tokens encrypted in chunks. */
	private List<Long> fill() {
		List<Long> ids = this.jdbc.sql("""
				insert into publisher_account (publisher, external_id, name, owner_email)
				select 'FACEBOOK', (300000000000000 + g)::text, 'Benchmark Shop ' || g, 'bench' || g || '@bench.test'
				from generate_series(1, ?) g
				returning id""").param(TOKENS).query(Long.class).list();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			List<byte[]> ciphertexts = new ArrayList<>(chunk.size());
			for (long id : chunk) {
				ciphertexts.add(this.cipher.encrypt(id, TokenKind.ACCESS, TokenSecret.of("bench-token-" + id)));
			}
			this.jdbc.sql("""
					insert into account_token (account_id, access_token_ciphertext, scopes, status, status_changed_by)
					select u.id, u.c, 'ads_read', 'VALID', 'benchmark' from unnest(?, ?) as u(id, c)""")
				.param(1, new SqlArrayValue("bigint", chunk.toArray(new Long[0])))
				.param(2, new SqlArrayValue("bytea", (Object[]) ciphertexts.toArray(new byte[0][])))
				.update();
		}
		this.jdbc.sql("""
				insert into account_health (account_id, next_check_at)
				select id, ? from publisher_account where name like 'Benchmark Shop %'""")
			.param(HealthStore.at(this.clock.instant().minus(Duration.ofDays(1))))
			.update();
		this.jdbc.sql("vacuum (analyze) publisher_account, account_token, account_health").update();
		return ids;
	}

	private static long usedAfterGc(MemoryMXBean memory) {
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
