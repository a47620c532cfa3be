package io.tokenwarden.sandbox;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code tokenwarden.sandbox.slow-delay}: how long a SLOW imitation publisher waits before it answers;
 * longer than the publisher adapters' 5-second read timeout, so they see a timeout.
 */
@Profile("demo")
@Validated
@ConfigurationProperties("tokenwarden.sandbox")
record SandboxSettings(@NotNull @DefaultValue("PT7S") Duration slowDelay) {
}
