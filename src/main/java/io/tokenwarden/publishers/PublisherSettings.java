package io.tokenwarden.publishers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * {@code tokenwarden.publishers.*}: where Facebook and X are and how long to wait for them. The OAuth
 * client credentials and token endpoints are Spring Security's own
 * {@code spring.security.oauth2.client.*} properties, read next to these.
 *
 * @param connectTimeout how long to wait for a connection (default 2 s)
 * @param readTimeout how long to wait for an answer once connected (default 5 s)
 */
@Validated
@ConfigurationProperties("tokenwarden.publishers")
public record PublisherSettings(@DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration readTimeout,
		@DefaultValue @NotNull @Valid Facebook facebook, @DefaultValue @NotNull @Valid X x) {

	/** Facebook: the versioned Graph API base URL (default {@code https://graph.facebook.com/v25.0}). */
	public record Facebook(@DefaultValue("https://graph.facebook.com/v25.0") @NotNull URI graphUrl) {

		public Facebook {
			requireHttpUrl("tokenwarden.publishers.facebook.graph-url", graphUrl);
		}

	}

	/**
	 * X: the API base URL (default {@code https://api.x.com}) for {@code /2/users/me}, {@code /2/oauth2/token}
	 * and {@code /2/oauth2/revoke}, and the Ads API base URL (default {@code https://ads-api.x.com}) for the
	 * funding instrument probe.
	 */
	public record X(@DefaultValue("https://api.x.com") @NotNull URI apiUrl,
			@DefaultValue("https://ads-api.x.com") @NotNull URI adsApiUrl) {

		public X {
			requireHttpUrl("tokenwarden.publishers.x.api-url", apiUrl);
			requireHttpUrl("tokenwarden.publishers.x.ads-api-url", adsApiUrl);
		}

	}

	static void requireHttpUrl(String property, URI url) {
		if (url == null) {
			return; // @NotNull reports it with the property's name
		}
		if (!url.isAbsolute() || url.getHost() == null
				|| !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
				|| url.getRawQuery() != null || url.getRawFragment() != null) {
			throw new IllegalArgumentException(property + " must be an absolute http(s) URL without query, was " + url);
		}
	}

}
