package io.tokenwarden.notifications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where the console is reachable from a mail client ({@code tokenwarden.base-url}): emails link there. */
@ConfigurationProperties("tokenwarden")
@Validated
record LinkSettings(@NotBlank @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?") @DefaultValue("http://localhost:8080") String baseUrl) {

	/** The base URL without a trailing slash, so paths can be appended. */
	String base() {
		return this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl;
	}

}
