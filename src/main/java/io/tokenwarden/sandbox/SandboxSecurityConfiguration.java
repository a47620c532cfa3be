package io.tokenwarden.sandbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The imitation publishers' own filter chain, ahead of the console's. Anyone may call them (they
 * stand for facebook.com and x.com); the control page's actions need a signed-in demo user. Their server-to-server API paths take no CSRF token, as the
 * adapters call them without a browser session; the consent and control forms keep CSRF. The
 * security headers are the console's.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class SandboxSecurityConfiguration {

	/** Kept equal to the console's policy; a test compares the two. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'";

	/** The control page's state-changing actions (SandboxControlController). */
	static final String[] CONTROL_ACTIONS = { "/sandbox/users/**", "/sandbox/publishers/**" };

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain sandboxSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/sandbox/**")
			// the control page's actions change what every demo user sees: only for a signed-in one
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, CONTROL_ACTIONS).authenticated()
				.anyRequest().permitAll())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
			.csrf(csrf -> csrf.ignoringRequestMatchers(SandboxWebConfiguration.FACEBOOK_API, SandboxWebConfiguration.X_API,
					SandboxWebConfiguration.X_OAUTH, SandboxWebConfiguration.X_V1, SandboxWebConfiguration.X_ADS_API))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

}
