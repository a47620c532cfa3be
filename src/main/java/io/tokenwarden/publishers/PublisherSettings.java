package io.tokenwarden.publishers;

import io.tokenwarden.tokens.TokenSecret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * {@code tokenwarden.publishers.*}: where Facebook and X are, X's consumer credentials, and how long to wait
 * for them. Facebook's OAuth 2.0 client credentials and token endpoint are Spring Security's own
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
	 * X: the API base URL (default {@code https://api.x.com}) for {@code /oauth/request_token},
	 * {@code /oauth/authorize}, {@code /oauth/access_token}, {@code /2/users/me} and
	 * {@code /1.1/oauth/invalidate_token}; the Ads API base URL (default {@code https://ads-api.x.com}); and
	 * the X app's OAuth 1.0a consumer key and secret, which sign every call (unset: X is not configured).
	 */
	public record X(@DefaultValue("https://api.x.com") @NotNull URI apiUrl,
			@DefaultValue("https://ads-api.x.com") @NotNull URI adsApiUrl, String consumerKey,
			TokenSecret consumerSecret) {

		public X {
			requireHttpUrl("tokenwarden.publishers.x.api-url", apiUrl);
			requireHttpUrl("tokenwarden.publishers.x.ads-api-url", adsApiUrl);
			consumerKey = consumerKey == null || consumerKey.isBlank() ? null : consumerKey.trim();
		}

		/** Whether both consumer credentials are set; every X call needs them. */
		public boolean hasConsumer() {
			return this.consumerKey != null && this.consumerSecret != null;
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
