package io.tokenwarden.accounts;

import io.tokenwarden.TokenWardenApplication;
import org.springframework.test.util.TestSocketUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Token Warden in a JVM of its own, as {@code java -cp ... TokenWardenApplication} would run it, so
 * that its resident memory is its own and not the test's.
 */
final class BenchmarkApp implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final int port;

	private final int managementPort;

	private BenchmarkApp(Process process, Path log, int port, int managementPort) {
		this.process = process;
		this.log = log;
		this.port = port;
		this.managementPort = managementPort;
	}

	/** Starts the application with {@code arguments} and the key set in its environment. */
	static BenchmarkApp start(String name, String keyset, List<String> arguments) {
		int port = TestSocketUtils.findAvailableTcpPort();
		int managementPort = TestSocketUtils.findAvailableTcpPort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		// e.g. -Dbenchmark.jvmArgs="-Xmx256m -XX:StartFlightRecording=filename=target/benchmark/serve.jfr"
		command.addAll(List.of(System.getProperty("benchmark.jvmArgs", "").split("\\s+")).stream()
			.filter(arg -> !arg.isBlank())
			.toList());
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), TokenWardenApplication.class.getName(),
				"--server.port=" + port, "--management.server.port=" + managementPort));
		command.addAll(arguments);
		try {
			Path log = Files.createDirectories(Path.of("target", "benchmark")).resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile());
			// the key set is a secret: the environment, not the command line that ps shows
			builder.environment().put("TOKENWARDEN_ENCRYPTION_KEYSET", keyset);
			return new BenchmarkApp(builder.start(), log, port, managementPort);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits for a run that ends by itself (a fill with exit=true); fails with its log when it fails. */
	void awaitExit(Duration limit) throws InterruptedException {
		if (!this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) || this.process.exitValue() != 0) {
			throw new IllegalStateException("the run failed; its log: " + this.log.toAbsolutePath());
		}
	}

	/** Waits until the application answers its health endpoint. */
	BenchmarkApp awaitReady(Duration limit) {
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the app stopped; its log: " + this.log.toAbsolutePath());
			}
			try {
				return http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return this;
	}

	long pid() {
		return this.process.pid();
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** Prometheus and the other actuator endpoints but health are on the management port. */
	URI managementUri(String path) {
		return URI.create("http://localhost:" + this.managementPort + path);
	}

	/** A line of the process's {@code /proc/<pid>/status}, e.g. {@code VmRSS:  301234 kB}. */
	String procStatus(String field) throws IOException {
		return Files.readAllLines(Path.of("/proc", String.valueOf(this.process.pid()), "status"))
			.stream()
			.filter(line -> line.startsWith(field + ":"))
			.map(line -> line.substring(field.length() + 1).trim())
			.findFirst()
			.orElse("?");
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}


}
