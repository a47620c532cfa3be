package io.tokenwarden.reconnect;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How many attempts the owners' reconnect pages take ({@code tokenwarden.reconnect.*}; the link's lifetime,
 * {@code link-ttl}, belongs to the notices that send it).
 *
 * @param attemptsPerLink requests one link may make per {@code attemptWindow}
 * @param attemptsPerAddress requests one client address may make per {@code attemptWindow}, whatever the links
 */
@ConfigurationProperties("tokenwarden.reconnect")
@Validated
record ReconnectSettings(@Min(1) @Max(10_000) @DefaultValue("20") int attemptsPerLink,
		@Min(1) @Max(100_000) @DefaultValue("60") int attemptsPerAddress,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("PT1H") Duration attemptWindow) {
}
