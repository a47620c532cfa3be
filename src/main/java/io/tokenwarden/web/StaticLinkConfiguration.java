package io.tokenwarden.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Keeps page links as written. The webjars locator switches on Spring's resource chain, and with it
 * a filter that tries every link of a page as a static resource: a link that is not one (each
 * account's row links) is looked up in every jar, uncached, which made Config > Accounts slow (the
 * benchmark showed ~150 ms a page). No version strategy needs links rewritten; webjar paths
 * without a version still resolve when they are requested.
 */
@Configuration(proxyBeanMethods = false)
class StaticLinkConfiguration {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
