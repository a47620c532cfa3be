package io.tokenwarden.security;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How long a sign-in lasts ({@code tokenwarden.sessions.*}): at most {@code max-age} from the sign-in,
 * however active the session stays. The idle timeout is Boot's {@code server.servlet.session.timeout}.
 */
@ConfigurationProperties("tokenwarden.sessions")
@Validated
public record SessionSettings(@NotNull @DurationMin(minutes = 1) @DefaultValue("PT12H") Duration maxAge) {
}
