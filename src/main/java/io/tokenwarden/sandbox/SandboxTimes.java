package io.tokenwarden.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from timestamptz columns (the driver speaks OffsetDateTime, not Instant). */
final class SandboxTimes {

	private SandboxTimes() {
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant read(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** Unix seconds as Facebook and X report them; 0 stands for "never" as in {@code debug_token}. */
	static long epochSeconds(Instant instant) {
		return instant == null ? 0 : instant.getEpochSecond();
	}

}
