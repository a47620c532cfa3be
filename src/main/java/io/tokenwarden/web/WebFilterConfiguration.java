package io.tokenwarden.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The filters that come before the session and security: Boot's character encoding first (parameters
 * are decoded with it), then the control-character check, the database-down page around everything
 * after it, and the public address, so that the session store and Spring Security already see it.
 */
@Configuration(proxyBeanMethods = false)
class WebFilterConfiguration {

	@Bean
	FilterRegistrationBean<ControlCharacterFilter> controlCharacterFilter(ErrorPageRenderer pages) {
		return registration(new ControlCharacterFilter(pages), Ordered.HIGHEST_PRECEDENCE + 10);
	}

	@Bean
	FilterRegistrationBean<DatabaseDownFilter> databaseDownFilter(ErrorPageRenderer pages) {
		return registration(new DatabaseDownFilter(pages), Ordered.HIGHEST_PRECEDENCE + 20);
	}

	@Bean
	FilterRegistrationBean<PublicAddressFilter> publicAddressFilter(Environment environment) {
		PublicAddressFilter filter = new PublicAddressFilter(environment.getRequiredProperty("tokenwarden.base-url"),
				environment.getProperty("tokenwarden.demo.enabled", Boolean.class, false));
		return registration(filter, SessionRepositoryFilter.DEFAULT_ORDER - 10);
	}

	private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter, int order) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(order);
		return registration;
	}

}
