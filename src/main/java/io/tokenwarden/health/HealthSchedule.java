package io.tokenwarden.health;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The scheduled round: a db-scheduler recurring task (one instance at a time runs it; the row claims keep
 * a hand-started round from checking the same tokens), and a round right after "Check all now".
 */
@Configuration(proxyBeanMethods = false)
class HealthSchedule {

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
