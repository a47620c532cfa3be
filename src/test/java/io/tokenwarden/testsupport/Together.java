package io.tokenwarden.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks at the same moment, each on a thread of its own, for tests of concurrent work. */
public final class Together {

	private Together() {
	}

	@SafeVarargs
	public static <T> List<T> run(Callable<T>... tasks) throws Exception {
		return run(List.of(tasks));
	}

	/** Their results in order, once all are done; the first failure fails the call (within 3 minutes). */
	public static <T> List<T> run(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> running = new ArrayList<>();
			for (Callable<T> task : tasks) {
				running.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : running) {
				results.add(future.get(3, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
