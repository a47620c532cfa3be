package io.tokenwarden.channels;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How channel messages are delivered ({@code tokenwarden.channels.*}).
 *
 * @param pollInterval how often the sender job looks for due deliveries
 * @param maxAttempts attempts before a delivery is given up (DEAD; it stays in the channel's log)
 * @param initialBackoff wait after the first failed attempt; doubles with each further failure
 * @param maxBackoff the longest wait between two attempts
 * @param claimTimeout how long a claimed delivery stays reserved for the instance sending it
 * @param batchSize the most deliveries one round claims
 * @param connectTimeout how long connecting to a receiver may take
 * @param readTimeout how long a receiver may take to answer
 * @param scheduledSending whether the sender job runs on its own
 */
@ConfigurationProperties("tokenwarden.channels")
@Validated
record ChannelSettings(
		@NotNull @DurationMin(millis = 100) @DefaultValue("PT5S") Duration pollInterval,
		@Min(1) @Max(100) @DefaultValue("12") int maxAttempts,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("PT30S") Duration initialBackoff,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("PT1H") Duration maxBackoff,
		@NotNull @DurationMin(seconds = 10) @DefaultValue("PT2M") Duration claimTimeout,
		@Min(1) @Max(1000) @DefaultValue("100") int batchSize,
		@NotNull @DurationMin(millis = 100) @DurationMax(seconds = 10) @DefaultValue("PT2S") Duration connectTimeout,
		@NotNull @DurationMin(millis = 100) @DurationMax(seconds = 30) @DefaultValue("PT5S") Duration readTimeout,
		@DefaultValue("true") boolean scheduledSending) {

	/** The wait before the next attempt once {@code attempts} attempts have failed. */
	Duration backoffAfter(int attempts) {
		Duration wait = this.initialBackoff;
		for (int i = 1; i < attempts && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(this.maxBackoff) > 0 ? this.maxBackoff : wait;
	}

}
