package io.tokenwarden.notifications;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * How often notices are sent and re-sent ({@code tokenwarden.notifications.*}).
 *
 * @param reminderInterval at most one reminder per unresolved problem per this interval
 * @param expiryWarningDays how many days before a known expiry the expiring-soon notices go out
 * @param pollInterval how often the sender job looks for due notices
 * @param maxAttempts delivery attempts before a notice is given up (DEAD)
 * @param initialBackoff wait after the first failed attempt; doubles with each further failure
 * @param maxBackoff the longest wait between two attempts
 * @param claimTimeout how long a claimed notice stays reserved for the instance sending it; after
 * that (a crash between sending and recording) another round may send it again
 * @param batchSize the most notices one round claims
 * @param scheduledSending whether the sender job runs on its own (tests switch it off and run rounds)
 */
@ConfigurationProperties("tokenwarden.notifications")
@Validated
public record NotificationSettings(
		@NotNull @DurationMin(minutes = 1) @DefaultValue("P3D") Duration reminderInterval,
		@NotEmpty @DefaultValue("7,1") List<@NotNull @Positive Integer> expiryWarningDays,
		@NotNull @DurationMin(millis = 100) @DefaultValue("PT5S") Duration pollInterval,
		@Min(1) @Max(100) @DefaultValue("10") int maxAttempts,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("PT1M") Duration initialBackoff,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("PT1H") Duration maxBackoff,
		@NotNull @DurationMin(seconds = 10) @DefaultValue("PT5M") Duration claimTimeout,
		@Min(1) @Max(5000) @DefaultValue("500") int batchSize,
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
