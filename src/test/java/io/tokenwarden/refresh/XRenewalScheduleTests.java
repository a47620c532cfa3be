package io.tokenwarden.refresh;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** How the background renewal is wired to db-scheduler and its settings; the renewal itself is in {@link XRenewalTests}. */
class XRenewalScheduleTests {

	private final XTokenRenewal renewal = mock(XTokenRenewal.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, XRenewalSchedule.class)
		.withBean(XTokenRenewal.class, () -> this.renewal);

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RefreshSettings.class)
	static class Settings {

	}

	@Test
	void scheduleWhenScheduledRenewalIsOnThenARecurringTaskThatRenewsTheDueTokensEveryFiveMinutes() {
		// surefire switches scheduled renewal off for every test JVM, so this test switches it back on
		this.runner.withPropertyValues("tokenwarden.refresh.scheduled-renewal=true").run(context -> {
			assertThat(context.getBean(RefreshSettings.class).renewalInterval()).isEqualTo(Duration.ofMinutes(5));
			RecurringTask<?> task = context.getBean(RecurringTask.class);
			assertThat(task.getName()).isEqualTo("x-token-renewal");

			runOnce(task);

			verify(this.renewal).renewDue();
		});
	}

	@Test
	void scheduleWhenScheduledRenewalIsOffThenNoTask() {
		this.runner.withPropertyValues("tokenwarden.refresh.scheduled-renewal=false")
			.run(context -> assertThat(context).doesNotHaveBean(RecurringTask.class));
	}

	@Test
	void settingsWhenTheWindowIsNotLongerThanTheIntervalThenStartupFails() {
		this.runner.withPropertyValues("tokenwarden.refresh.renewal-interval=PT20M", "tokenwarden.refresh.renewal-window=PT15M")
			.run(context -> assertThat(context).getFailure()
				.hasStackTraceContaining("renewal-window must be longer than renewal-interval"));
	}

	private static <T> void runOnce(RecurringTask<T> task) {
		task.executeRecurringly(task.instance(RecurringTask.INSTANCE), null);
	}

}
