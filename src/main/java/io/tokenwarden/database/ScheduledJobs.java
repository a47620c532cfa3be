package io.tokenwarden.database;

import java.util.function.Supplier;

/**
 * Marks work as a scheduled job's (a round, a send, a sync), run on this thread: a transaction it starts
 * that fails on a deadlock or a serialization failure is retried (see {@link TransactionRetry}). Every
 * db-scheduler task is marked already; work a job hands to threads of its own marks them with this.
 */
public final class ScheduledJobs {

	private static final ThreadLocal<Boolean> RUNNING = new ThreadLocal<>();

	private ScheduledJobs() {
	}

	/** Runs {@code work} as a scheduled job's. */
	public static <T> T run(Supplier<T> work) {
		boolean outermost = RUNNING.get() == null;
		RUNNING.set(Boolean.TRUE);
		try {
			return work.get();
		}
		finally {
			if (outermost) {
				RUNNING.remove();
			}
		}
	}

	static boolean isRunning() {
		return RUNNING.get() != null;
	}

}
