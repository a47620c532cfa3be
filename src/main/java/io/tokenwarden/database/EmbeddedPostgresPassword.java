package io.tokenwarden.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The embedded superuser's generated password, kept beside the cluster under the data directory
 * ({@code <data-dir>/postgres.password}, mode 0600, readable by the account that runs Token Warden only).
 */
record EmbeddedPostgresPassword(Path file, String value) {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresPassword.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	/** What pg_hba.conf allows: only loopback, and only with the password (what initdb --auth=scram-sha-256 writes). */
	static final List<String> HBA = List.of(
			"# Token Warden: every connection gives the superuser's password (scram-sha-256), from this host only",
			"local all all scram-sha-256", "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256",
			"local replication all scram-sha-256", "host replication all 127.0.0.1/32 scram-sha-256",
			"host replication all ::1/128 scram-sha-256");

	/** The password of the cluster in {@code dir}: a new one for a new cluster, else the kept one. */
	static EmbeddedPostgresPassword of(Path dir, boolean newCluster) throws IOException {
		Path file = dir.resolveSibling(dir.getFileName() + ".password");
		if (!newCluster && Files.isRegularFile(file)) {
			Files.setPosixFilePermissions(file, OWNER_ONLY);
			return new EmbeddedPostgresPassword(file, Files.readString(file, StandardCharsets.US_ASCII).trim());
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		// written whole with its mode, then moved into place: never readable by others, never half-written
		Path temporary = Files.createTempFile(file.getParent(), ".postgres-password", ".tmp",
				PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		Files.writeString(temporary, value, StandardCharsets.US_ASCII);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return new EmbeddedPostgresPassword(file, value);
	}

	/**
	 * A cluster made by an earlier version let the superuser in without a password (initdb's trust): give
	 * it this password and require it from now on. A new cluster already does, from initdb.
	 */
	void requireOnEveryConnection(EmbeddedPostgres server, Path dir) throws IOException {
		Path hba = dir.resolve("pg_hba.conf");
		boolean trusting = Files.readAllLines(hba).stream()
			.map(String::trim)
			.anyMatch(line -> !line.startsWith("#") && line.matches(".*\\btrust\\b.*"));
		if (!trusting) {
			return;
		}
		log.warn("The embedded PostgreSQL in {} let its superuser in without a password; it now requires the one in {}",
				dir, this.file);
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			// the value is base64url: nothing in it can end the literal
			statement.execute("alter role " + EmbeddedPostgresServer.USER + " password '" + this.value + "'");
			Files.write(hba, HBA);
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IOException("could not set the embedded superuser's password", ex);
		}
	}

	@Override
	public String toString() {
		return "EmbeddedPostgresPassword[" + this.file + "]";
	}

}
