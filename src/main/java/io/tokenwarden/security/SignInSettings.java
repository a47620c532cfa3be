package io.tokenwarden.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How failed sign-ins are throttled ({@code tokenwarden.sign-in.*}).
 *
 * @param accountFailures failed sign-ins an account may have in {@code window} before it is locked
 * @param addressFailures failed sign-ins one client address may have in {@code window} (for every
 * account together) before it must wait
 * @param window the time in which the failures count: one try comes back every window / failures
 * @param lock how long a locked account stays locked
 */
@ConfigurationProperties("tokenwarden.sign-in")
@Validated
record SignInSettings(
		@Min(1) @Max(100) @DefaultValue("5") int accountFailures,
		@Min(1) @Max(100000) @DefaultValue("50") int addressFailures,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("PT15M") Duration window,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("PT15M") Duration lock) {
}
