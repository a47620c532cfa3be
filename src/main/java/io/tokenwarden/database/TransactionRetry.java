package io.tokenwarden.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a transaction again when PostgreSQL chose it as a deadlock's victim (40P01) or could not
 * serialize it (40001): it was rolled back whole, so running it again is safe. At most {@link #RETRIES}
 * times, after a short random pause so that the two parties do not meet again at once.
 */
final class TransactionRetry {

	private static final Logger log = LoggerFactory.getLogger(TransactionRetry.class);

	/** Retries after the first attempt. */
	static final int RETRIES = 3;

	private TransactionRetry() {
	}

	/** Calls {@code attempt} until it succeeds, fails otherwise, or has been retried {@link #RETRIES} times. */
	static <T> T run(String what, Supplier<T> attempt) {
		for (int retry = 0;; retry++) {
			try {
				return attempt.get();
			}
			catch (RuntimeException ex) {
				if (retry >= RETRIES || !isConflict(ex)) {
					throw ex;
				}
				log.info("{} lost to a concurrent transaction ({}); retry {} of {}", what, ex.getClass().getSimpleName(),
						retry + 1, RETRIES);
				pause(retry);
			}
		}
	}

	/** A deadlock or serialization failure, anywhere in the chain of causes. */
	static boolean isConflict(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof PessimisticLockingFailureException && !(t instanceof CannotAcquireLockException
					&& t.getCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState()))) {
				return true;
			}
			if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	private static void pause(int retry) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50) * (retry + 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted between retries", ex);
		}
	}

}
