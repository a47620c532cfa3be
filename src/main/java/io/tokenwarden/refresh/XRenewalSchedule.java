package io.tokenwarden.refresh;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Renews X tokens on a db-scheduler recurring task: one instance at a time runs a round, and the
 * token row lock keeps a renewal started by hand ({@link XTokenRenewal#renew}) from spending the
 * same refresh token.
 */
@Configuration(proxyBeanMethods = false)
class XRenewalSchedule {

	static final String TASK_NAME = "x-token-renewal";

	@Bean
	@ConditionalOnProperty(name = "tokenwarden.refresh.scheduled-renewal", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> xTokenRenewalTask(RefreshSettings settings, XTokenRenewal renewal) {
		return Tasks.recurring(TASK_NAME, FixedDelay.of(settings.renewalInterval()))
			.execute((instance, context) -> renewal.renewDue());
	}

}
