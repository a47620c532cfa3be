package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** Puts each imitation publisher's API calls (not its consent page) under that publisher's mode. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class SandboxWebConfiguration implements WebMvcConfigurer {

	/** The server-to-server paths: called without a browser session or CSRF token. */
	static final String FACEBOOK_API = FacebookApiController.BASE + "/**";

	static final String X_API = XApiController.BASE + "/2/**";

	/** X's OAuth 1.0a endpoints; its consent page ({@code /oauth/authorize}) is a browser form, with CSRF. */
	static final String X_OAUTH = XApiController.BASE + "/oauth/*_token";

	static final String X_V1 = XApiController.BASE + "/1.1/**";

	static final String X_ADS_API = XAdsController.BASE + "/**";

	private final SandboxDirectory directory;

	private final SandboxSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	SandboxWebConfiguration(SandboxDirectory directory, SandboxSettings settings, JsonMapper json, Clock clock) {
		this.directory = directory;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PublisherModeInterceptor(Publisher.FACEBOOK, this.directory, this.settings, this.json,
				this.clock)).addPathPatterns(FACEBOOK_API);
		registry.addInterceptor(new PublisherModeInterceptor(Publisher.X, this.directory, this.settings, this.json,
				this.clock)).addPathPatterns(X_API, X_OAUTH, X_V1, X_ADS_API);
	}

}
