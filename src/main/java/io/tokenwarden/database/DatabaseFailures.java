package io.tokenwarden.database;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/** What a failure says about the database: unreachable (no connection, or a connection that broke). */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * True when the failure, or anything it was caused by or suppressed, is a connection that could not be
	 * had or broke. A pool that is merely busy (its timeout with no cause) is not that.
	 */
	public static boolean isUnreachable(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Throwable> next = new ArrayDeque<>();
		next.add(failure);
		while (!next.isEmpty()) {
			Throwable t = next.poll();
			if (!seen.add(t)) {
				continue;
			}
			if (saysUnreachable(t)) {
				return true;
			}
			if (t.getCause() != null) {
				next.add(t.getCause());
			}
			Collections.addAll(next, t.getSuppressed());
			if (t instanceof SQLException sql && sql.getNextException() != null) {
				next.add(sql.getNextException());
			}
		}
		return false;
	}

	private static boolean saysUnreachable(Throwable t) {
		if (t instanceof ConnectException || t instanceof EOFException || t instanceof SocketException) {
			return true;
		}
		if (t instanceof SQLTransientConnectionException timeout && timeout.getCause() == null
				&& timeout.getSQLState() == null) {
			// the pool's timeout without a failed attempt behind it: busy, not unreachable
			return false;
		}
		if (t instanceof SQLException sql) {
			// SQLSTATE class 08: connection exception; the pool's "Connection is closed": one it evicted as broken
			return (sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
					|| "Connection is closed".equals(sql.getMessage());
		}
		return false;
	}

}
