package io.tokenwarden.scaledata;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tokenwarden.scale-data.*}: how much benchmark data to generate. Nothing happens unless
 * {@code accounts} is set; {@code agencies} defaults to one per fifty accounts; {@code exit} stops
 * the application once the data is there instead of serving it; {@code password} is the benchmark
 * user's ({@code bench@scale.test}).
 */
@ConfigurationProperties("tokenwarden.scale-data")
@Validated
record ScaleDataSettings(@Positive @Max(5_000_000) Integer accounts, @Positive @Max(100_000) Integer agencies,
		@DefaultValue("false") boolean exit, @DefaultValue("bench") @NotBlank String password) {

	int agencyCount() {
		return this.agencies != null ? this.agencies : Math.max(1, this.accounts / 50);
	}

}
