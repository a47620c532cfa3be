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
import java.util.function.IntFunction;
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

	/** The measured requests of each kind come in this many rounds of every kind. */
	private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 4);

	/**
	 * Requests of each kind before the measured ones, all kinds mixed as a running server sees them,
	 * while the JIT compiles the app's hot code.
	 */
	private static final int WARMUP = Integer.getInteger("benchmark.warmup", 5000);

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
		// -Dbenchmark.dataDir=target/benchmark/postgres keeps the filled database for the next run
		String kept = System.getProperty("benchmark.dataDir");
		Path data = kept != null ? Path.of(kept) : dir.resolve("postgres");
		String database = EmbeddedPostgresServer.start(data, false);
		try {
			Path keysetFile = data.resolveSibling(data.getFileName() + "-keyset.json");
			boolean filled = Files.exists(keysetFile);
			String keyset = filled ? Files.readString(keysetFile) : TokenCipher.generateKeyset();
			List<String> common = arguments(database, EmbeddedPostgresServer.password(data));
			if (filled) {
				this.out.printf("%nScale data: reusing the database filled earlier in %s%n", data);
			}
			else {
				long fillStarted = System.nanoTime();
				BenchmarkApp.start("fill", keyset, with(common, "--tokenwarden.scale-data.accounts=" + ACCOUNTS,
						"--tokenwarden.scale-data.agencies=" + AGENCIES, "--tokenwarden.scale-data.exit=true"))
					.awaitExit(Duration.ofMinutes(30));
				Files.writeString(keysetFile, keyset);
				this.out.printf("%nScale data: %,d accounts, %,d agencies, filled in %.1f s (process start to exit)%n",
						ACCOUNTS, AGENCIES, (System.nanoTime() - fillStarted) / 1e9);
			}
			if (Boolean.getBoolean("benchmark.statements")) {
				database = withStatementStatistics(data);
				common = arguments(database, EmbeddedPostgresServer.password(data));
			}
			logSlowStatements(JdbcClient.create(new DriverManagerDataSource(database, "postgres", EmbeddedPostgresServer.password(data))));
			try (BenchmarkApp app = BenchmarkApp.start("serve", keyset, with(common,
					// the health checks and campaign sync would call the real Facebook and X about made-up
					// accounts (and fail, with no internet here) all through the run: their rounds have
					// benchmarks of their own (HealthRoundBenchmarkTests); here they would only add noise
					"--tokenwarden.health.scheduled-checks=false", "--tokenwarden.sync.scheduled-sync=false")).awaitReady(Duration.ofMinutes(3))) {
				List<BenchmarkClient> clients = new ArrayList<>();
				for (int i = 0; i < CLIENTS; i++) {
					clients.add(BenchmarkClient.signIn(app, "bench@scale.test", "bench"));
				}
				assertThat(clients.get(0).get("/config/accounts")).contains("Scale Agency").contains("data-account-id");
				long postmaster = CpuClock.postmasterOf(data);
				warmUp(clients);
				report(run(app, postmaster, clients, REQUESTS));
				exportCsv(app, clients.get(0));
				this.out.printf("App resident memory after the run: VmRSS %s (peak VmHWM %s)%n", app.procStatus("VmRSS"),
						app.procStatus("VmHWM"));
			}
			JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, "postgres", EmbeddedPostgresServer.password(data)));
			if (Boolean.getBoolean("benchmark.statements")) {
				topStatements(jdbc);
			}
			explain(jdbc);
		}
		finally {
			EmbeddedPostgresServer.stop(data);
		}
	}

	/**
	 * Config > Accounts' CSV export of the largest agency, every row: its time, and the app's peak resident memory
	 * before and after (the app runs with a 256 MB heap, so an export that held its rows would not fit).
	 */
	private void exportCsv(BenchmarkApp app, BenchmarkClient client) throws Exception {
		String peakBefore = app.procStatus("VmHWM");
		long started = System.nanoTime();
		String csv = client.get("/config/accounts.csv");
		double seconds = (System.nanoTime() - started) / 1e9;
		long rows = csv.lines().count() - 1;
		assertThat(rows).as("exported rows").isPositive();
		this.out.printf("CSV export (/config/accounts.csv, largest agency): %,d rows, %,d characters in %.2f s; app peak "
				+ "resident memory VmHWM %s before, %s after%n", rows, csv.length(), seconds, peakBefore,
				app.procStatus("VmHWM"));
	}

	private void warmUp(List<BenchmarkClient> clients) throws Exception {
		List<String> paths = KINDS.values().stream().map(kind -> kind[0]).toList();
		timeAll(clients, WARMUP * paths.size() / clients.size(), i -> paths.get(i % paths.size()));
	}

	/** Every client at once, {@code each} requests each, the i-th to {@code pathOf(i)}; all latencies in ns. */
	private static List<Long> timeAll(List<BenchmarkClient> clients, int each, IntFunction<String> pathOf)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients.size());
		try {
			List<Future<long[]>> results = new ArrayList<>();
			for (BenchmarkClient client : clients) {
				results.add(pool.submit(() -> {
					long[] nanos = new long[each];
					for (int i = 0; i < nanos.length; i++) {
						nanos[i] = client.timedGet(pathOf.apply(i));
					}
					return nanos;
				}));
			}
			List<Long> all = new ArrayList<>();
			for (Future<long[]> result : results) {
				Arrays.stream(result.get()).forEach(all::add);
			}
			return all;
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * Each kind in turn, all clients at once, in {@code ROUNDS} rounds of every kind (so that a slower
	 * minute of the machine falls on every kind alike, not on one); per kind: client latencies, the
	 * server's mean and the CPU, over all rounds.
	 */
	private Map<String, Figures> run(BenchmarkApp app, long postmaster, List<BenchmarkClient> clients, int requests)
			throws Exception {
		Map<String, List<Long>> latencies = new LinkedHashMap<>();
		Map<String, double[]> totals = new LinkedHashMap<>(); // timer count, timer seconds, app CPU ms, db CPU ms
		Map<String, Map<String, Double>> threadMillis = new LinkedHashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			for (Map.Entry<String, String[]> kind : KINDS.entrySet()) {
				String path = kind.getValue()[0];
				double[] before = serverTimer(app, kind.getValue()[1]);
				double[] cpuBefore = { CpuClock.millisOfTree(app.pid()), CpuClock.millisOfTree(postmaster) };
				Map<String, Double> threadsBefore = CpuClock.millisByThread(app.pid());
				List<Long> measured = timeAll(clients, requests / ROUNDS / clients.size(), i -> path);
				double[] cpu = { CpuClock.millisOfTree(app.pid()) - cpuBefore[0], CpuClock.millisOfTree(postmaster) - cpuBefore[1] };
				double[] after = serverTimer(app, kind.getValue()[1]);
				latencies.computeIfAbsent(kind.getKey(), k -> new ArrayList<>()).addAll(measured);
				double[] total = totals.computeIfAbsent(kind.getKey(), k -> new double[4]);
				total[0] += after[0] - before[0];
				total[1] += after[1] - before[1];
				total[2] += cpu[0];
				total[3] += cpu[1];
				Map<String, Double> threads = threadMillis.computeIfAbsent(kind.getKey(), k -> new LinkedHashMap<>());
				CpuClock.millisByThread(app.pid())
					.forEach((name, millis) -> threads.merge(name, millis - threadsBefore.getOrDefault(name, 0.0), Double::sum));
			}
		}
		Map<String, Figures> figures = new LinkedHashMap<>();
		latencies.forEach((kind, all) -> {
			if (Boolean.getBoolean("benchmark.threads")) {
				StringBuilder threads = new StringBuilder();
				threadMillis.get(kind).forEach((name, millis) -> {
					if (millis / all.size() >= 0.05) {
						threads.append(String.format("  %s %.2f", name, millis / all.size()));
					}
				});
				this.out.printf("%s: app CPU ms per request by thread:%s%n", kind, threads);
			}
			double[] total = totals.get(kind);
			figures.put(kind, Figures.of(all, total[1] / total[0], total[2] / all.size(), total[3] / all.size()));
		});
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

	/**
	 * With {@code -Dbenchmark.statements=true}: restarts PostgreSQL with pg_stat_statements, so that
	 * the run ends with the statements that cost PostgreSQL the most time.
	 */
	private static String withStatementStatistics(Path data) {
		String database = EmbeddedPostgresServer.start(data, false);
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, "postgres", EmbeddedPostgresServer.password(data)));
		jdbc.sql("alter system set shared_preload_libraries = 'pg_stat_statements'").update();
		jdbc.sql("alter system set pg_stat_statements.track_planning = on").update();
		EmbeddedPostgresServer.stop(data);
		database = EmbeddedPostgresServer.start(data, false);
		jdbc = JdbcClient.create(new DriverManagerDataSource(database, "postgres", EmbeddedPostgresServer.password(data)));
		jdbc.sql("create extension if not exists pg_stat_statements").update();
		jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
		return database;
	}

	private void topStatements(JdbcClient jdbc) {
		this.out.printf("%nStatements by total time (pg_stat_statements): calls, total ms, ms per call (of which "
				+ "planning), times planned, statement%n");
		jdbc.sql("""
				select calls, round((total_exec_time + total_plan_time)::numeric, 1) total,
				       round(((total_exec_time + total_plan_time) / nullif(calls, 0))::numeric, 3) mean,
				       round((total_plan_time / nullif(calls, 0))::numeric, 3) plan,
				       plans, regexp_replace(left(query, 160), '\\s+', ' ', 'g') query
				from pg_stat_statements order by total_exec_time + total_plan_time desc limit 20""")
			.query((rs, n) -> String.format("%7d %9s %8s (%s) %7d  %s", rs.getLong(1), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)))
			.list()
			.forEach(this.out::println);
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
			plan(jdbc, name + ": page" + (statements.countedInPage() ? " with its count" : ""), statements.page(),
					statements.params());
		});
		plan(jdbc, "every page: the expired-token banner", """
				select count(*), min(l.account_id) from agency_account_link l
				where l.agency_id = :agency and l.token_status = 'EXPIRED'""", Map.of("agency", agencyId));
	}

	private void plan(JdbcClient jdbc, String title, String sql, Map<String, ?> params) {
		this.out.printf("%nEXPLAIN (ANALYZE, BUFFERS) %s%n", title);
		jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list().forEach(this.out::println);
	}

	/** The count and total seconds of the server's timer for {@code uri}, from the Prometheus page. */
	private static double[] serverTimer(BenchmarkApp app, String uri) throws IOException, InterruptedException {
		String page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(app.managementUri("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString())
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

	private static List<String> arguments(String database, String password) {
		return List.of("--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
				"--spring.datasource.password=" + password, "--server.servlet.session.cookie.secure=false");
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
