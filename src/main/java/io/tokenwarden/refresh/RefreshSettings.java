package io.tokenwarden.refresh;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code tokenwarden.refresh.*}: the consent refresh and the background renewal of X tokens.
 *
 * @param renewalInterval how often the renewal job looks for X tokens about to expire (default 5 minutes)
 * @param renewalWindow how long before expiry an X token is renewed (default 15 minutes); longer than the
 * interval, so that a token cannot expire between two rounds
 * @param scheduledRenewal whether the renewal job runs on its own (tests switch it off and renew by hand)
 * @param facebookPkce whether Facebook's consent uses PKCE S256 too (X always does); off by default, because
 * Meta documents {@code code_challenge} only for its OIDC login ("still in testing"), not for the code flow
 * Token Warden uses, so a real app may refuse it; {@code state} guards against forged callbacks either way
 */
@ConfigurationProperties("tokenwarden.refresh")
@Validated
record RefreshSettings(@NotNull @DurationMin(seconds = 1) @DefaultValue("PT5M") Duration renewalInterval,
		@NotNull @DurationMin(minutes = 1) @DefaultValue("PT15M") Duration renewalWindow,
		@DefaultValue("true") boolean scheduledRenewal, @DefaultValue("false") boolean facebookPkce) {

	@AssertTrue(message = "renewal-window must be longer than renewal-interval")
	boolean isWindowLongerThanInterval() {
		return this.renewalInterval == null || this.renewalWindow == null
				|| this.renewalWindow.compareTo(this.renewalInterval) > 0;
	}

}
