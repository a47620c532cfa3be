package io.tokenwarden.demo;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo before the web server opens its port, so the first sign-in after {@code /login} answers
 * works (an {@code ApplicationRunner} runs only after the port is open). Lifecycles start in phase order;
 * the web server starts in a late phase ({@code SmartLifecycle.DEFAULT_PHASE - 2048}), this one much earlier.
 */
@Component
@Profile("demo")
class DemoSeeding implements SmartLifecycle {

	private final DemoData data;

	private volatile boolean running;

	DemoSeeding(DemoData data) {
		this.data = data;
	}

	@Override
	public void start() {
		this.data.seed();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

}
