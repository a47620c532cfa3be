package io.tokenwarden.notifications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who emails come from ({@code tokenwarden.mail.from}), e.g. {@code Token Warden <no-reply@example.com>}.
 * The address must parse strictly; the application does not start otherwise.
 */
@ConfigurationProperties("tokenwarden.mail")
@Validated
record MailSettings(@NotBlank @Pattern(regexp = "[^\\r\\n]+") @DefaultValue("Token Warden <no-reply@tokenwarden.local>") String from) {
}
