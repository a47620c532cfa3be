package io.tokenwarden.database;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * The pool, answering at once for a short while after the database could not be reached, instead of
 * making every caller wait the pool's connection timeout again: a page that asks for a connection twice
 * (its session, then its data) still answers within that timeout, and readiness says DOWN at once.
 */
final class FailFastDataSource extends DelegatingDataSource {

	private final long quietNanos;

	private volatile SQLException lastFailure;

	private volatile long failedAt;

	FailFastDataSource(DataSource pool, Duration quiet) {
		super(pool);
		this.quietNanos = quiet.toNanos();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connect(null, null);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connect(username, password);
	}

	private Connection connect(String username, String password) throws SQLException {
		SQLException failure = this.lastFailure;
		long since = System.nanoTime() - this.failedAt;
		if (failure != null && since < this.quietNanos) {
			throw new SQLTransientConnectionException("The database could not be reached " + since / 1_000_000
					+ " ms ago; not trying again yet", "08001", failure);
		}
		try {
			Connection connection = username == null ? super.getConnection() : super.getConnection(username, password);
			this.lastFailure = null;
			return connection;
		}
		catch (SQLException ex) {
			if (DatabaseFailures.isUnreachable(ex)) {
				this.failedAt = System.nanoTime();
				this.lastFailure = ex;
			}
			throw ex;
		}
	}

}
