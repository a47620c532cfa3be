package io.tokenwarden.security;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The session's absolute lifetime, checked right after the session store (before Spring Security reads
 * the session), and its device and address, noted right after Spring Security (which knows who it is).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(SessionSettings settings) {
		FilterRegistrationBean<SessionLifetimeFilter> registration = new FilterRegistrationBean<>(
				new SessionLifetimeFilter(settings.maxAge()));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<SessionDetailsFilter> sessionDetailsFilter() {
		FilterRegistrationBean<SessionDetailsFilter> registration = new FilterRegistrationBean<>(new SessionDetailsFilter());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

}
