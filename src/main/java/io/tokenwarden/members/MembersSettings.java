package io.tokenwarden.members;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How long emailed team links work ({@code tokenwarden.members.*}).
 *
 * @param invitationTtl how long an invitation link works
 * @param passwordResetTtl how long a password reset link works
 */
@ConfigurationProperties("tokenwarden.members")
@Validated
record MembersSettings(
		@NotNull @DurationMin(minutes = 1) @DefaultValue("P7D") Duration invitationTtl,
		@NotNull @DurationMin(minutes = 1) @DefaultValue("PT30M") Duration passwordResetTtl) {
}
