package io.tokenwarden.health;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the health checks run: every token once per {@code interval}, spread over it; in batches of
 * {@code batch-size} (Facebook's batch limit), {@code concurrency} batches at a time. A publisher is in an
 * outage when its circuit breaker opens or when at least {@code outage-min-accounts} accounts and
 * {@code outage-share} of a batch are unreachable together; then only one probe per {@code probe-interval}
 * goes out until it answers again. A batch rate-limited in the same proportions pauses the publisher's
 * checks until the earliest retry time it gave.
 */
@ConfigurationProperties("tokenwarden.health")
@Validated
public record HealthSettings(@NotNull @DefaultValue("PT1H") Duration interval,
		@NotNull @DefaultValue("PT24H") Duration unreachableNoticeAfter,
		@NotNull @DefaultValue("PT1M") Duration roundPoll,
		@Min(1) @Max(50) @DefaultValue("50") int batchSize,
		@Min(1) @Max(32) @DefaultValue("4") int concurrency,
		@Min(1) @DefaultValue("5") int outageMinAccounts,
		@DecimalMin("0.1") @DecimalMax("1.0") @DefaultValue("0.8") double outageShare,
		@NotNull @DefaultValue("PT5M") Duration probeInterval,
		@NotNull @DefaultValue("PT5M") Duration claimTimeout,
		@DefaultValue("true") boolean scheduledChecks) {
}
