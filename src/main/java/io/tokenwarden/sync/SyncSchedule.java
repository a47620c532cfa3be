package io.tokenwarden.sync;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.tokenwarden.refresh.TokenRefreshed;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The scheduled round, a db-scheduler recurring task (one instance at a time runs it; the claims keep a
 * catch-up from importing the same account), and the catch-up right after a refresh has committed.
 */
@Configuration(proxyBeanMethods = false)
class SyncSchedule {

	@Bean
	@ConditionalOnProperty(name = "tokenwarden.sync.scheduled-sync", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> campaignSyncTask(SyncSettings settings, SyncRound round) {
		return Tasks.recurring("campaign-sync-round", FixedDelay.of(settings.poll()))
			.execute((instance, context) -> round.run());
	}

	/** A refreshed token resumes sync at once, off the request thread: campaigns first, then automations. */
	@Component
	static class CatchUp {

		private final SyncRound round;

		private final SyncSettings settings;

		CatchUp(SyncRound round, SyncSettings settings) {
			this.round = round;
			this.settings = settings;
		}

		@Async
		@TransactionalEventListener
		void onRefreshed(TokenRefreshed event) {
			if (this.settings.catchUpAfterRefresh()) {
				this.round.syncNow(event.accountId());
			}
		}

	}

}
