package io.tokenwarden.notifications;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sender job: a db-scheduler recurring task, so exactly one instance runs a round at a time
 * and a round cut short by a crash is picked up again. Claims are row locks besides, so a round
 * started by hand ({@link Notices#sendDueNow()}) never sends what a scheduled one holds.
 */
@Configuration(proxyBeanMethods = false)
class NoticeSendingConfiguration {

	static final String TASK_NAME = "notice-sender";

	@Bean
	@ConditionalOnProperty(name = "tokenwarden.notifications.scheduled-sending", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> noticeSenderTask(NotificationSettings settings, NoticeSender sender) {
		return Tasks.recurring(TASK_NAME, FixedDelay.of(settings.pollInterval()))
			.execute((instance, context) -> sender.sendDue());
	}

}
