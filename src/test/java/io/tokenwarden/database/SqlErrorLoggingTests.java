package io.tokenwarden.database;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.DemoConsoleTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A statement that fails carries none of its parameter values into an exception message or the log,
 * whether Hibernate or the JDBC driver reports it: values can be emails, names, notes.
 */
@DemoConsoleTest
@ExtendWith(OutputCaptureExtension.class)
class SqlErrorLoggingTests {

	@Autowired
	AccountDirectory accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void insertWhenHibernateFailsOnAUniqueKeyThenNeitherTheLogNorTheErrorHoldsTheValues(CapturedOutput output) {
		String externalId = "77" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
		String owner = "secret-owner-" + UUID.randomUUID() + "@values.test";
		this.accounts.create(Publisher.FACEBOOK, externalId, "First Holder", owner);

		Throwable failure = catchThrowable(() -> this.accounts.create(Publisher.FACEBOOK, externalId, "Second Holder", owner));

		assertThat(failure).isNotNull();
		assertThat(messages(failure)).doesNotContain(externalId).doesNotContain(owner);
		assertThat(output.getAll()).doesNotContain(externalId).doesNotContain(owner);
	}

	@Test
	void batchWhenTheDriverFailsOnANulThenNeitherTheLogNorTheErrorHoldsTheValues(CapturedOutput output) {
		String note = "secret-note-" + UUID.randomUUID();

		Throwable failure = catchThrowable(() -> this.jdbc.batchUpdate(
				"insert into audit_event (occurred_at, actor, action, detail) values (now(), ?, 'PROBE', ?)",
				List.of(new Object[] { "probe@values.test", note + "\u0000" }, new Object[] { "probe@values.test", note })));

		assertThat(failure).isNotNull();
		assertThat(messages(failure)).doesNotContain(note).doesNotContain("probe@values.test");
		assertThat(output.getAll()).doesNotContain(note);
	}

	private static String messages(Throwable failure) {
		StringBuilder all = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			all.append(t.getMessage()).append('\n');
			if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
				all.append(sql.getNextException().getMessage()).append('\n');
			}
		}
		return all.toString();
	}

}
