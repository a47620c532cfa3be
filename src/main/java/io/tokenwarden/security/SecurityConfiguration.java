package io.tokenwarden.security;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.tokenwarden.agencies.AgencyDirectory;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Form login against the users table behind the sign-in throttle, CSRF on every state-changing
 * request, and the security headers of every page. Agency roles are per agency, so they are checked
 * in the services; the installation admins' {@code /admin/**} is checked here, against the database
 * on every request, so a revoked installation admin loses it at once.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager signIn,
			AgencyDirectory directory) throws Exception {
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/login?error");
		failures.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), "/login?locked"));
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/livez", "/readyz").permitAll()
			// the management port (127.0.0.1:8081 by default) serves Prometheus; the main port does not
			.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
			.requestMatchers("/sandbox/**").permitAll()
			// links from emails: the token in the path is the credential
			.requestMatchers("/invitations/*", "/password/forgot", "/password/reset/*").permitAll()
			// an owner's reconnect link, and the publishers' callbacks it comes back to: the link (and the
			// consent pending in this browser's session) is the credential, and it signs nobody in
			.requestMatchers("/reconnect/*", "/login/oauth2/code/*", "/login/oauth1/callback/x").permitAll()
			.requestMatchers("/admin/**").access(installationAdmins(directory))
			.anyRequest().authenticated())
			.authenticationManager(signIn)
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/config/accounts", true)
				.failureHandler(failures)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("SESSION"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/**
	 * The only authentication manager, with no parent: a parent would try the password again after
	 * the throttle refused, and so get round it.
	 */
	@Bean
	AuthenticationManager signInManager(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
			AgencyDirectory directory, Clock clock) {
		ProviderManager manager = new ProviderManager(
				new ThrottledAuthenticationProvider(users, encoder, throttle, directory, clock));
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/** Buckets full again for a while hold nothing worth keeping (db-scheduler: one instance at a time). */
	@Bean
	RecurringTask<Void> signInBucketCleanupTask(SignInThrottle throttle) {
		return Tasks.recurring("sign-in-bucket-cleanup", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> throttle.removeExpired());
	}

	private static AuthorizationManager<RequestAuthorizationContext> installationAdmins(AgencyDirectory directory) {
		return (authentication, context) -> {
			var who = authentication.get();
			boolean admin = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)
					&& directory.isInstallationAdmin(who.getName());
			return new AuthorizationDecision(admin);
		};
	}

}
