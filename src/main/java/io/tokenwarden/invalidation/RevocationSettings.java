package io.tokenwarden.invalidation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How hard Token Warden tries to revoke an invalidated token at its publisher: {@code max-attempts}
 * tries, waiting {@code first-retry} then twice as long each time (at most {@code max-retry}), or longer
 * when the publisher says so.
 */
@ConfigurationProperties("tokenwarden.invalidation.revocation")
@Validated
record RevocationSettings(@DefaultValue("8") @Min(1) int maxAttempts, @DefaultValue("30s") @NotNull Duration firstRetry,
		@DefaultValue("1h") @NotNull Duration maxRetry, @DefaultValue("PT10S") @NotNull Duration pollInterval,
		@DefaultValue("true") boolean scheduledSending) {

	Duration delayAfter(int attempts) {
		Duration delay = this.firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
		return delay.compareTo(this.maxRetry) > 0 ? this.maxRetry : delay;
	}

}
