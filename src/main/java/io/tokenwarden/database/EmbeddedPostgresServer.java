package io.tokenwarden.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL 18 that serves when no external database is configured. One server per
 * data directory per JVM; its files stay on disk so a restart keeps everything. The superuser has a
 * generated password ({@link EmbeddedPostgresPassword}) and every connection, local or loopback, must
 * give it (scram-sha-256). The server stops last: not on zonky's own shutdown hook, which stopped it
 * while the application was still finishing its work, but once every application context that uses it
 * has closed ({@link #hold}, {@link #release}).
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** The superuser, the only role of the embedded server. */
	public static final String USER = "postgres";

	/** How long the JVM's exit waits for the contexts using a server to close before stopping it anyway. */
	private static final Duration CONTEXTS_CLOSE_WITHIN = Duration.ofMinutes(2);

	private static final Map<Path, Running> running = new HashMap<>();

	private static boolean stopOnExitInstalled;

	private record Running(EmbeddedPostgres server, String password, int[] holders) {
	}

	private EmbeddedPostgresServer() {
	}

	/** Starts (or reuses) the server whose files live in {@code directory}; returns its JDBC URL (no password in it). */
	public static synchronized String start(Path directory, boolean fresh) {
		Path dir = normalize(directory);
		Running server = running.get(dir);
		if (server == null) {
			server = launch(dir, fresh);
			running.put(dir, server);
			installStopOnExit();
		}
		return server.server().getJdbcUrl(USER, "postgres");
	}

	/** The superuser's password of the running server of {@code directory}. */
	public static synchronized String password(Path directory) {
		Running server = running.get(normalize(directory));
		if (server == null) {
			throw new IllegalStateException("no embedded PostgreSQL runs on " + directory);
		}
		return server.password();
	}

	/** Stops the server of {@code directory}, keeping its files. */
	public static synchronized void stop(Path directory) {
		Running server = running.remove(normalize(directory));
		if (server != null) {
			close(server);
		}
	}

	/** An application context uses the server: the JVM's exit waits for it to {@link #release} before stopping it. */
	static synchronized void hold(Path directory) {
		Running server = running.get(normalize(directory));
		if (server != null) {
			server.holders()[0]++;
		}
	}

	/** The context has closed: its pool and every job that used the server are done. */
	static synchronized void release(Path directory) {
		Running server = running.get(normalize(directory));
		if (server != null) {
			server.holders()[0]--;
			EmbeddedPostgresServer.class.notifyAll();
		}
	}

	private static Path normalize(Path directory) {
		return directory.toAbsolutePath().normalize();
	}

	private static Running launch(Path dir, boolean fresh) {
		try {
			if (fresh) {
				FileSystemUtils.deleteRecursively(dir);
			}
			Files.createDirectories(dir);
			stopLeftoverPostmaster(dir);
			boolean newCluster = !Files.exists(dir.resolve("postgresql.conf"));
			EmbeddedPostgresPassword password = EmbeddedPostgresPassword.of(dir, newCluster);
			log.info("Starting embedded PostgreSQL with its data in {}", dir);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				// the application stops it, after its own work (see the type's comment)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "300")
				.setServerConfig("shared_buffers", "128MB")
				.setServerConfig("fsync", "on")
				// zonky's default is off: a host crash would lose transactions already shown as done
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("password_encryption", "scram-sha-256")
				// zonky checks readiness over TCP and the JDBC driver speaks TCP only, so no Unix socket
				.setServerConfig("unix_socket_directories", "''")
				// the server's log goes to the application's: no failed statement, no DETAIL ("Key (...)=(...)")
				.setServerConfig("log_min_error_statement", "panic")
				.setServerConfig("log_error_verbosity", "terse")
				.setConnectConfig("password", password.value());
			if (newCluster) {
				// initdb gives the superuser the password and writes scram-sha-256 into pg_hba.conf
				builder.setLocaleConfig("pwfile", password.file().toString()).setLocaleConfig("auth", "scram-sha-256");
			}
			EmbeddedPostgres server = builder.start();
			password.requireOnEveryConnection(server, dir);
			return new Running(server, password.value(), new int[1]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
		}
	}

	/**
	 * The JVM's exit stops every server, once the contexts using it have closed (each context's pool and
	 * jobs finish first), or after {@link #CONTEXTS_CLOSE_WITHIN} at the latest.
	 */
	private static void installStopOnExit() {
		if (stopOnExitInstalled) {
			return;
		}
		stopOnExitInstalled = true;
		Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopAllOnceReleased,
				"embedded-postgres-stop"));
	}

	private static synchronized void stopAllOnceReleased() {
		long deadline = System.nanoTime() + CONTEXTS_CLOSE_WITHIN.toNanos();
		try {
			while (running.values().stream().anyMatch(r -> r.holders()[0] > 0) && System.nanoTime() < deadline) {
				EmbeddedPostgresServer.class.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (Running server : List.copyOf(running.values())) {
			close(server);
		}
		running.clear();
	}

	private static void close(Running server) {
		try {
			server.server().close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A JVM killed without its shutdown hook leaves its postmaster running on the data directory;
	 * stop it (smart shutdown: its clients are gone) so that this start can take over the files.
	 */
	private static void stopLeftoverPostmaster(Path dir) throws IOException {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
		if (!firstLine.matches("\\d+")) {
			return;
		}
		ProcessHandle.of(Long.parseLong(firstLine))
			.filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
			.ifPresent(p -> {
				log.warn("Stopping a PostgreSQL left running on {} by an earlier run (pid {})", dir, p.pid());
				p.destroy();
				p.onExit().orTimeout(60, TimeUnit.SECONDS).join();
			});
	}

}
