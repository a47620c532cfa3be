package io.tokenwarden.health;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The scheduled round: a db-scheduler recurring task (one instance at a time runs it; the row claims keep
 * a hand-started round from checking the same tokens), and a round right after "Check all now".
 */
@Configuration(proxyBeanMethods = false)
class HealthSchedule {

	static final String WORKERS = "healthRoundWorkers";

	/**
	 * The round's workers: Spring-managed, so the application's shutdown waits for the batches in hand
	 * (each at most one publisher call long) before the connection pool closes.
	 */
	@Bean(WORKERS)
	ThreadPoolTaskExecutor healthRoundWorkers(HealthSettings settings) {
		ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
		workers.setThreadNamePrefix("health-round-");
		workers.setCorePoolSize(2 * settings.concurrency());
		workers.setMaxPoolSize(2 * settings.concurrency());
		workers.setWaitForTasksToCompleteOnShutdown(true);
		workers.setAwaitTerminationSeconds(30);
		return workers;
	}

	@Bean
	@ConditionalOnProperty(name = "tokenwarden.health.scheduled-checks", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> healthCheckTask(HealthSettings settings, HealthRound round) {
		return Tasks.recurring("health-check-round", FixedDelay.of(settings.roundPoll()))
			.execute((instance, context) -> round.run());
	}

	/** Starts a round after the "Check all now" request has committed, off the request thread. */
	@Component
	static class OnRequest {

		private final HealthRound round;

		OnRequest(HealthRound round) {
			this.round = round;
		}

		@Async
		@TransactionalEventListener(fallbackExecution = true)
		void onChecksRequested(ChecksRequested event) {
			this.round.run();
		}

	}

}
