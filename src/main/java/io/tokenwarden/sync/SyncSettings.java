package io.tokenwarden.sync;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code tokenwarden.sync.*}: every account's campaigns are imported once per {@code interval} (and its
 * automations run right after); the schedule looks for due accounts every {@code poll}, {@code batch-size}
 * at a time, each under a lease of {@code claim-timeout}. A failed import is retried after
 * {@code first-retry}, twice as long each time, at most {@code interval}. {@code scheduled-sync} and
 * {@code catch-up-after-refresh} switch the schedule and the import right after a refresh (tests turn them off).
 */
@ConfigurationProperties("tokenwarden.sync")
@Validated
record SyncSettings(@NotNull @DurationMin(seconds = 1) @DefaultValue("PT15M") Duration interval,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("PT1M") Duration poll,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("PT1M") Duration firstRetry,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("PT5M") Duration claimTimeout,
		@Min(1) @Max(100) @DefaultValue("20") int batchSize, @DefaultValue("true") boolean scheduledSync,
		@DefaultValue("true") boolean catchUpAfterRefresh) {

	/** How long to wait after the {@code failures}-th failure in a row. */
	Duration retryAfter(int failures) {
		Duration delay = this.firstRetry.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
		return delay.compareTo(this.interval) > 0 ? this.interval : delay;
	}

}
