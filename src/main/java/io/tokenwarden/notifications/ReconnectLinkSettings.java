package io.tokenwarden.notifications;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How long an owner's reconnect link works after its email goes out ({@code tokenwarden.reconnect.link-ttl}).
 */
@ConfigurationProperties("tokenwarden.reconnect")
@Validated
record ReconnectLinkSettings(@NotNull @DurationMin(minutes = 5) @DefaultValue("P7D") Duration linkTtl) {
}
