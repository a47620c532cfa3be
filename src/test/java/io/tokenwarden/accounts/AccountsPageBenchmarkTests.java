package io.tokenwarden.accounts;

import io.tokenwarden.database.EmbeddedPostgresServer;
import io.tokenwarden.tokens.TokenCipher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Config > Accounts at scale: fills a fresh database (100,000 accounts, 2,000 agencies unless
 * {@code -Dbenchmark.accounts} / {@code -Dbenchmark.agencies} say otherwise), serves it from a JVM
 * of its own, and times each kind of request from {@code benchmark.clients} (8) concurrent signed-in
 * clients. Latency is measured by the client, on loopback, from sending to the last byte of the body
 * (so it includes the server's time and bounds it from above); the server's own mean, from the
 * {@code http.server.requests} timer, is printed next to it, and so is the CPU each request cost the
 * app and PostgreSQL. Prints figures; asserts none of them. Run with {@code ./mvnw -Pbenchmark verify};
 * the app's JVM gets {@code app.jvm-arguments} of the pom (as {@code spring-boot:run} does).
 */
@Tag("benchmark")
class AccountsPageBenchmarkTests {

	private static final int ACCOUNTS = Integer.getInteger("benchmark.accounts", 100_000);

	private static final int AGENCIES = Integer.getInteger("benchmark.agencies", 2_000);

	private static final int CLIENTS = Integer.getInteger("benchmark.clients", 8);

	private static final int REQUESTS = Integer.getInteger("benchmark.requests", 800);

	private static final String TRIVIAL = "trivial page (/login)";

	/** What is timed: a name, the path, and the timer's uri tag. */
	private static final Map<String, String[]> KINDS = new LinkedHashMap<>();

	static {
		KINDS.put(TRIVIAL, new String[] { "/login", "/login" });
		KINDS.put("first page", new String[] { "/config/accounts", "/config/accounts" });
		KINDS.put("search q=coffee", new String[] { "/config/accounts?q=coffee", "/config/accounts" });
		KINDS.put("filter status=EXPIRED", new String[] { "/config/accounts?status=EXPIRED", "/config/accounts" });
	}

	private final PrintStream out = System.out;

	@Test
	void accountsPageOfTheLargestAgencyUnderConcurrentClients(@TempDir Path dir) throws Exception {
		Path data = dir.resolve("postgres");
		String database = EmbeddedPostgresServer.start(data, true);
		try {
			String keyset = TokenCipher.generateKeyset();
			List<String> common = List.of("--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--server.servlet.session.cookie.secure=false");
			long fillStarted = System.nanoTime();
			BenchmarkApp.start("fill", keyset, with(common, "--tokenwarden.scale-data.accounts=" + ACCOUNTS,
					"--tokenwarden.scale-data.agencies=" + AGENCIES, "--tokenwarden.scale-data.exit=true"))
				.awaitExit(Duration.ofMinutes(30));
			this.out.printf("%nScale data: %,d accounts, %,d agencies, filled in %.1f s (process start to exit)%n",
					ACCOUNTS, AGENCIES, (System.nanoTime() - fillStarted) / 1e9);
			logSlowStatements(JdbcClient.create(new DriverManagerDataSource(database, "postgres", "")));
			try (BenchmarkApp app = BenchmarkApp.start("serve", keyset, common).awaitReady(Duration.ofMinutes(3))) {
				List<BenchmarkClient> clients = new ArrayList<>();
				for (int i = 0; i < CLIENTS; i++) {
					clients.add(BenchmarkClient.signIn(app, "bench@scale.test", "bench"));
				}
				assertThat(clients.get(0).get("/config/accounts")).contains("Scale Agency").contains("data-account-id");
				long postmaster = CpuClock.postmasterOf(data);
				run(app, postmaster, clients, REQUESTS / 4);
				report(run(app, postmaster, clients, REQUESTS));
				this.out.printf("App resident memory after the run: VmRSS %s (peak VmHWM %s)%n", app.procStatus("VmRSS"),
						app.procStatus("VmHWM"));
			}
			explain(JdbcClient.create(new DriverManagerDataSource(database, "postgres", "")));
		}
		finally {
			EmbeddedPostgresServer.stop(data);
		}
	}

	/** Each kind in turn, all clients at once; per kind: client latencies and the server's mean. */
	private Map<String, Figures> run(BenchmarkApp app, long postmaster, List<BenchmarkClient> clients, int requests)
			throws Exception {
		Map<String, Figures> figures = new LinkedHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients.size());
		try {
			for (Map.Entry<String, String[]> kind : KINDS.entrySet()) {
				String path = kind.getValue()[0];
				double[] before = serverTimer(app, kind.getValue()[1]);
				double[] cpuBefore = { CpuClock.millisOfTree(app.pid()), CpuClock.millisOfTree(postmaster) };
				List<Future<long[]>> results = new ArrayList<>();
				for (BenchmarkClient client : clients) {
					results.add(pool.submit(() -> {
						long[] nanos = new long[requests / clients.size()];
						for (int i = 0; i < nanos.length; i++) {
							nanos[i] = client.timedGet(path);
						}
						return nanos;
					}));
				}
				List<Long> all = new ArrayList<>();
				for (Future<long[]> result : results) {
					Arrays.stream(result.get()).forEach(all::add);
				}
				double[] cpu = { CpuClock.millisOfTree(app.pid()) - cpuBefore[0], CpuClock.millisOfTree(postmaster) - cpuBefore[1] };
				double[] after = serverTimer(app, kind.getValue()[1]);
				figures.put(kind.getKey(), Figures.of(all, (after[1] - before[1]) / (after[0] - before[0]),
						cpu[0] / all.size(), cpu[1] / all.size()));
			}
		}
		finally {
			pool.shutdown();
		}
		return figures;
	}

	private void report(Map<String, Figures> figures) throws IOException {
		Figures trivial = figures.get(TRIVIAL);
		List<String> lines = new ArrayList<>();
		lines.add(String.format("%d concurrent clients, %d cores; client latency on loopback, ms", CLIENTS,
				Runtime.getRuntime().availableProcessors()));
		lines.add(String.format("%-24s %5s %7s %7s %11s %9s %12s %14s", "request", "n", "median", "p99", "median/triv",
				"p99/triv", "server mean", "CPU app+db"));
		figures.forEach((name, f) -> lines.add(String.format("%-24s %5d %7.1f %7.1f %11.2f %9.2f %12.1f %8.1f+%.1f", name,
				f.count(), f.median(), f.p99(), f.median() / trivial.median(), f.p99() / trivial.p99(), f.serverMean(),
				f.appCpu(), f.dbCpu())));
		lines.add("server mean: the http.server.requests timer; CPU: milliseconds per request of the app's JVM and of "
				+ "PostgreSQL (all backends), from /proc");
		lines.forEach(this.out::println);
		Files.write(Files.createDirectories(Path.of("target", "benchmark")).resolve("figures.txt"), lines);
	}

	/**
	 * With {@code -Dbenchmark.slowStatements=20ms}, PostgreSQL logs the plan of every statement of the
	 * app slower than that (auto_explain), to find what the EXPLAINs below do not show.
	 */
	private static void logSlowStatements(JdbcClient jdbc) {
		String threshold = System.getProperty("benchmark.slowStatements");
		if (threshold != null) {
			jdbc.sql("alter database postgres set session_preload_libraries = 'auto_explain'").update();
			jdbc.sql("alter database postgres set auto_explain.log_min_duration = '" + threshold.replace("'", "") + "'")
				.update();
			jdbc.sql("alter database postgres set auto_explain.log_analyze = on").update();
		}
	}

	/** The page's statements as the page runs them, for the largest agency, with their plans. */
	private void explain(JdbcClient jdbc) {
		long agencyId = jdbc.sql("select m.agency_id from agency_membership m join app_user u on u.id = m.user_id "
				+ "where u.email = 'bench@scale.test'").query(Long.class).single();
		Map<String, AccountQuery> queries = new LinkedHashMap<>();
		queries.put("first page", AccountQuery.of(null, null, null, null, null, null));
		queries.put("search q=coffee", AccountQuery.of("coffee", null, null, null, null, null));
		queries.put("filter status=EXPIRED", AccountQuery.of(null, null, "EXPIRED", null, null, null));
		queries.forEach((name, query) -> {
			AccountSearch.Statements statements = AccountSearch.statements(agencyId, query);
			if (!statements.countedInPage()) {
				plan(jdbc, name + ": count", statements.count(), statements.params());
			}
			plan(jdbc, name + ": page" + (statements.countedInPage() ? " (with its count)" : ""), statements.page(),
					statements.params());
		});
		List<Long> ids = jdbc.sql(AccountSearch.statements(agencyId, queries.get("first page")).page())
			.params(AccountSearch.statements(agencyId, queries.get("first page")).params())
			.query((rs, n) -> rs.getLong("id"))
			.list();
		plan(jdbc, "first page: linked agencies of its 50 rows", AccountSearch.LINKED_AGENCIES, Map.of("ids", ids));
	}

	private void plan(JdbcClient jdbc, String title, String sql, Map<String, ?> params) {
		this.out.printf("%nEXPLAIN (ANALYZE, BUFFERS) %s%n", title);
		jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list().forEach(this.out::println);
	}

	/** The count and total seconds of the server's timer for {@code uri}, from the Prometheus page. */
	private static double[] serverTimer(BenchmarkApp app, String uri) throws IOException, InterruptedException {
		String page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(app.uri("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		double[] timer = new double[2];
		for (String line : page.lines().toList()) {
			if (line.contains("uri=\"" + uri + "\"") && line.startsWith("http_server_requests_seconds_count{")) {
				timer[0] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
			else if (line.contains("uri=\"" + uri + "\"") && line.startsWith("http_server_requests_seconds_sum{")) {
				timer[1] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return timer;
	}

	private static List<String> with(List<String> arguments, String... more) {
		return Stream.concat(arguments.stream(), Stream.of(more)).toList();
	}

	/** Median and 99th percentile of one kind, in milliseconds. */
	private record Figures(int count, double median, double p99, double serverMean, double appCpu, double dbCpu) {

		static Figures of(List<Long> nanos, double serverMeanSeconds, double appCpu, double dbCpu) {
			long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
			return new Figures(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
					serverMeanSeconds * 1000, appCpu, dbCpu);
		}

		private static double percentile(long[] sorted, double p) {
			int index = (int) Math.ceil(p * sorted.length) - 1;
			return sorted[Math.max(0, index)] / 1e6;
		}

	}

}
