package io.tokenwarden.invalidation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retries due revocations on a db-scheduler recurring task: one instance at a time runs a round. */
@Configuration(proxyBeanMethods = false)
class RevocationSchedule {

	@Bean
	@ConditionalOnProperty(name = "tokenwarden.invalidation.revocation.scheduled-sending", havingValue = "true",
			matchIfMissing = true)
	RecurringTask<Void> revocationSenderTask(RevocationSettings settings, RevocationSender sender) {
		return Tasks.recurring("revocation-sender", FixedDelay.of(settings.pollInterval()))
			.execute((instance, context) -> sender.sendDue());
	}

}
