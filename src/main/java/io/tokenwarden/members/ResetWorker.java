package io.tokenwarden.members;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker that prepares password reset emails away from the request thread. Its queue is
 * bounded: beyond it a flood of requests is dropped (every answer says the same anyway) rather than
 * filling the memory. Not an {@code Executor} bean, so Spring's own task executor stays as it is.
 */
@Component
class ResetWorker {

	private static final Logger log = LoggerFactory.getLogger(ResetWorker.class);

	private final AtomicInteger threads = new AtomicInteger();

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 2, 1, TimeUnit.MINUTES,
			new ArrayBlockingQueue<>(200), task -> {
				Thread thread = new Thread(task, "password-reset-" + this.threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			}, (task, pool) -> log.warn("Too many password reset requests at once: one was dropped"));

	void submit(Runnable task) {
		this.executor.execute(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.warn("Could not prepare a password reset email", ex);
			}
		});
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

}
