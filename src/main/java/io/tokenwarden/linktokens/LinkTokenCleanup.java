package io.tokenwarden.linktokens;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** Once a day, forgets link tokens that expired over a day ago (db-scheduler: one instance at a time). */
@Configuration(proxyBeanMethods = false)
class LinkTokenCleanup {

	@Bean
	RecurringTask<Void> linkTokenCleanupTask(LinkTokens tokens, Clock clock) {
		return Tasks.recurring("link-token-cleanup", FixedDelay.of(Duration.ofDays(1)))
			.execute((instance, context) -> tokens.deleteExpired(clock.instant().minus(Duration.ofDays(1))));
	}

}
