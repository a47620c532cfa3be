package io.tokenwarden.reconnect;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Once an hour, forgets the reconnect attempt buckets that are full again (db-scheduler: one instance at a time). */
@Configuration(proxyBeanMethods = false)
class ReconnectBucketCleanup {

	@Bean
	RecurringTask<Void> reconnectBucketCleanupTask(ReconnectThrottle throttle) {
		return Tasks.recurring("reconnect-bucket-cleanup", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> throttle.removeExpired());
	}

}
