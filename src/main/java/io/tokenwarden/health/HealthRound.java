package io.tokenwarden.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.tokenwarden.publishers.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One round of scheduled checks: claims the due accounts of each publisher in batches (Facebook's batch
 * size), {@code concurrency} batches at a time, until none is due. A publisher's circuit breaker, fed
 * only by batches that were mostly unreachable, and the incident it opens pause that publisher: then a
 * single probe per probe interval goes out until it answers again.
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

	HealthRound(HealthStore store, PublisherIncidents incidents, BatchCheck batchCheck, HealthSettings settings, Clock clock) {
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
		this.store.scheduleNewAccounts(this.clock.instant(), this.settings.interval());
		int checked = 0;
		for (Publisher publisher : Publisher.values()) {
			checked += runFor(publisher);
		}
		return checked;
	}

	CircuitBreaker breaker(Publisher publisher) {
		return this.breakers.circuitBreaker(publisher.name());
	}

	private int runFor(Publisher publisher) {
		int checked = 0;
		ExecutorService pool = Executors.newFixedThreadPool(this.settings.concurrency());
		try {
			while (true) {
				Instant now = this.clock.instant();
				boolean incident = this.incidents.current(publisher).isPresent();
				int limit = incident ? (this.incidents.takeProbe(publisher, now, this.settings.probeInterval()) ? 1 : 0)
						: this.settings.batchSize() * this.settings.concurrency();
				List<Long> claimed = limit == 0 ? List.of()
						: this.store.claimDue(publisher, now, limit, this.settings.claimTimeout());
				if (claimed.isEmpty()) {
					return checked;
				}
				if (!breaker(publisher).tryAcquirePermission()) {
					this.incidents.open(publisher, now, "circuit breaker open");
					this.store.releaseAll(claimed, now);
					return checked;
				}
				checked += checkInParallel(pool, publisher, claimed, incident);
				if (incident || claimed.size() < limit) {
					return checked;
				}
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private int checkInParallel(ExecutorService pool, Publisher publisher, List<Long> claimed, boolean incident) {
		List<Future<?>> running = new ArrayList<>();
		for (int from = 0; from < claimed.size(); from += this.settings.batchSize()) {
			List<Long> batch = claimed.subList(from, Math.min(claimed.size(), from + this.settings.batchSize()));
			running.add(pool.submit(() -> this.batchCheck.check(publisher, batch, incident, breaker(publisher))));
		}
		for (Future<?> future : running) {
			try {
				future.get(10, TimeUnit.MINUTES);
			}
			catch (Exception ex) {
				// a failed batch keeps its claims until they lapse; the next round takes them again
				log.error("A health check batch for {} failed", publisher.displayName(), ex);
			}
		}
		return claimed.size();
	}

}
