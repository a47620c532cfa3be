package io.tokenwarden.members;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.ArrayList;
import java.util.List;

/** Keeps password reset work until the test runs it, so a test sees what the request thread alone did. */
public class HeldResetWorker extends ResetWorker {

	private final List<Runnable> held = new ArrayList<>();

	@Override
	synchronized void submit(Runnable task) {
		this.held.add(task);
	}

	synchronized int held() {
		return this.held.size();
	}

	void runAll() {
		List<Runnable> tasks;
		synchronized (this) {
			tasks = new ArrayList<>(this.held);
			this.held.clear();
		}
		tasks.forEach(Runnable::run);
	}

	/** Puts the held worker in place of the real one. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Beans {

		@Bean
		@Primary
		HeldResetWorker heldResetWorker() {
			return new HeldResetWorker();
		}

	}

}
