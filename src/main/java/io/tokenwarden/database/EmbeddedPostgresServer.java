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
import java.util.Map;

/**
 * The embedded PostgreSQL 18 that serves when no external database is configured. One server per
 * data directory per JVM; its files stay on disk so a restart keeps everything.
 */
public final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgres> running = new HashMap<>();

	private EmbeddedPostgresServer() {
	}

	/** Starts (or reuses) the server whose files live in {@code directory}; returns its JDBC URL. */
	public static synchronized String start(Path directory, boolean fresh) {
		Path dir = directory.toAbsolutePath().normalize();
		EmbeddedPostgres server = running.get(dir);
		if (server == null) {
			server = launch(dir, fresh);
			running.put(dir, server);
		}
		return server.getJdbcUrl("postgres", "postgres");
	}

	/** Stops the server of {@code directory}, keeping its files. */
	public static synchronized void stop(Path directory) {
		EmbeddedPostgres server = running.remove(directory.toAbsolutePath().normalize());
		if (server != null) {
			try {
				server.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static EmbeddedPostgres launch(Path dir, boolean fresh) {
		try {
			if (fresh) {
				FileSystemUtils.deleteRecursively(dir);
			}
			Files.createDirectories(dir);
			stopLeftoverPostmaster(dir);
			log.info("Starting embedded PostgreSQL with its data in {}", dir);
			return EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "300")
				.setServerConfig("shared_buffers", "128MB")
				.setServerConfig("fsync", "on")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
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
				p.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
			});
	}

}
