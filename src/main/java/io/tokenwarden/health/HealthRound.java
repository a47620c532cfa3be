package io.tokenwarden.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tokenwarden.database.ScheduledJobs;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One round of scheduled checks: workers claim the due accounts of each publisher in batches (Facebook's
 * batch size), with at most {@code concurrency} publisher calls in flight, until none is due; claims are
 * streamed, so memory does not grow with the number of tokens. A publisher-wide outage (a batch mostly
 * unreachable, or the circuit breaker open) opens an incident that pauses the publisher: then a single
 * probe per probe interval goes out until it answers again. Workers run on a Spring-managed executor,
 * drained on shutdown: once the application begins to close, no worker claims another batch, and a
 * batch claimed but not yet sent is released at once, so no claim outlives the instance.
 */
@Component
class HealthRound {

	private static final Logger log = LoggerFactory.getLogger(HealthRound.class);

	private final HealthStore store;

	private final PublisherIncidents incidents;

	private final BatchCheck batchCheck;

	private final HealthSettings settings;

	private final Clock clock;

	private final CircuitBreakerRegistry breakers;

	private final AsyncTaskExecutor workers;

	private final ApplicationContext context;

	/** Set when the application begins to close: workers finish the batch in hand and claim no more. */
	private volatile boolean stopping;

	/** Until when each publisher asked this instance to slow down (a batch mostly rate-limited). */
	private final Map<Publisher, Instant> throttledUntil = new ConcurrentHashMap<>();

	/** {@code tokenwarden_health_round_seconds}: how long each round took, on every instance that ran one. */
	private final Timer duration;

	HealthRound(HealthStore store, PublisherIncidents incidents, BatchCheck batchCheck, HealthSettings settings, Clock clock,
			@Qualifier(HealthSchedule.WORKERS) AsyncTaskExecutor workers, ApplicationContext context,
			MeterRegistry meters) {
		this.duration = Timer.builder("tokenwarden.health.round")
			.description("How long a round of scheduled health checks took")
			.register(meters);
		this.workers = workers;
		this.context = context;
		this.store = store;
		this.incidents = incidents;
		this.batchCheck = batchCheck;
		this.settings = settings;
		this.clock = clock;
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			// its wait in the open state is measured like the probe interval, on the application's clock
			.clock(clock)
			.failureRateThreshold(50)
			.minimumNumberOfCalls(3)
			.slidingWindowSize(10)
			.waitDurationInOpenState(settings.probeInterval())
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
	}

	/** Checks every due account; returns how many were checked. */
	synchronized int run() {
		return ScheduledJobs.run(() -> {
			if (this.stopping) {
				return 0;
			}
			return this.duration.record(() -> {
				this.store.scheduleNewAccounts(this.clock.instant(), this.settings.interval());
				int checked = 0;
				for (Publisher publisher : Publisher.values()) {
					checked += runFor(publisher);
				}
				return checked;
			});
		});
	}

	@EventListener
	void stopping(ContextClosedEvent event) {
		if (event.getApplicationContext() == this.context) {
			this.stopping = true;
		}
	}

	CircuitBreaker breaker(Publisher publisher) {
		return this.breakers.circuitBreaker(publisher.name());
	}

	/**
	 * During an incident, a single probe (when its interval has passed); otherwise, or once the probe found
	 * the publisher back, workers that each claim and check one batch after another. At most
	 * {@code concurrency} publisher calls are in flight; twice as many workers keep the calls going while
	 * others read and write the database.
	 */
	private int runFor(Publisher publisher) {
		int checked = 0;
		if (throttled(publisher)) {
			return checked;
		}
		if (this.incidents.current(publisher).isPresent()) {
			checked += probe(publisher);
			if (this.incidents.current(publisher).isPresent()) {
				return checked;
			}
		}
		Semaphore calls = new Semaphore(this.settings.concurrency());
		List<Future<Integer>> running = new ArrayList<>();
		for (int i = 0; i < 2 * this.settings.concurrency(); i++) {
			running.add(this.workers.submit(() -> ScheduledJobs.run(() -> work(publisher, calls))));
		}
		for (Future<Integer> worker : running) {
			checked += finished(worker, publisher);
		}
		return checked;
	}

	/**
	 * One worker: claims a batch, checks it, and claims the next, with no wait for the other workers, until
	 * nothing is due or the publisher is found down (by this worker or another).
	 */
	private int work(Publisher publisher, Semaphore calls) {
		int checked = 0;
		while (!this.stopping && !throttled(publisher) && this.incidents.current(publisher).isEmpty()) {
			List<Long> claimed = claim(publisher, this.settings.batchSize());
			if (claimed.isEmpty()) {
				break;
			}
			try {
				BatchCheck.Batch batch = this.batchCheck.prepare(publisher, claimed);
				BatchCheck.Answers answers;
				if (!acquire(calls) || this.stopping) {
					// shutting down (or interrupted) before the call: the batch goes back, due as it was
					this.store.releaseAll(claimed, this.clock.instant());
					break;
				}
				try {
					answers = this.batchCheck.send(batch);
				}
				finally {
					calls.release();
				}
				slowDownIfThrottled(publisher, this.batchCheck.apply(batch, answers, false, breaker(publisher)));
				checked += claimed.size();
			}
			catch (RuntimeException ex) {
				// a failed batch keeps its claims until they lapse; the next round takes them again
				log.error("A health check batch for {} failed", publisher.displayName(), ex);
			}
		}
		return checked;
	}

	private static boolean acquire(Semaphore calls) {
		try {
			calls.acquire();
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * A batch mostly rate-limited (as many accounts and as large a share as an outage) means the publisher
	 * limits Token Warden itself, not one user: no new batch goes out until the earliest time it gave.
	 */
	private void slowDownIfThrottled(Publisher publisher, List<CheckResult> results) {
		List<Instant> retries = results.stream()
			.map(CheckResult::outcome)
			.filter(PublisherOutcome.RateLimited.class::isInstance)
			.map(o -> ((PublisherOutcome.RateLimited) o).retryAt())
			.toList();
		if (results.size() >= this.settings.outageMinAccounts()
				&& retries.size() >= this.settings.outageShare() * results.size()) {
			Instant until = retries.stream().min(Instant::compareTo).orElseThrow();
			// the earliest retry time wins, of the batches of this round
			this.throttledUntil.merge(publisher, until,
					(current, proposed) -> isFuture(current) && current.isBefore(proposed) ? current : proposed);
			log.warn("{} is limiting Token Warden's requests; its checks wait until {}", publisher.displayName(), until);
		}
	}

	private boolean throttled(Publisher publisher) {
		Instant until = this.throttledUntil.get(publisher);
		return until != null && isFuture(until);
	}

	private boolean isFuture(Instant instant) {
		return instant.isAfter(this.clock.instant());
	}

	private int probe(Publisher publisher) {
		if (!this.incidents.takeProbe(publisher, this.clock.instant(), this.settings.probeInterval())) {
			return 0;
		}
		List<Long> claimed = claim(publisher, 1);
		if (!claimed.isEmpty()) {
			this.batchCheck.check(publisher, claimed, true, breaker(publisher));
		}
		return claimed.size();
	}

	/**
	 * Due accounts, up to {@code limit}; none while the breaker holds the publisher back. An open breaker is
	 * an outage (an incident); a half-open one is being tried by another batch, whose answer decides.
	 */
	private List<Long> claim(Publisher publisher, int limit) {
		Instant now = this.clock.instant();
		List<Long> claimed = this.store.claimDue(publisher, now, limit, this.settings.claimTimeout());
		CircuitBreaker breaker = breaker(publisher);
		if (!claimed.isEmpty() && !breaker.tryAcquirePermission()) {
			if (breaker.getState() == CircuitBreaker.State.OPEN) {
				this.incidents.open(publisher, now, "circuit breaker open");
			}
			this.store.releaseAll(claimed, now);
			return List.of();
		}
		return claimed;
	}

	private static int finished(Future<Integer> worker, Publisher publisher) {
		try {
			return worker.get(1, TimeUnit.HOURS);
		}
		catch (Exception ex) {
			log.error("A health check worker for {} failed", publisher.displayName(), ex);
			return 0;
		}
	}

}
