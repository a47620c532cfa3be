package io.tokenwarden.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Starts the demo's mail catcher on the port {@link MailCatcherEnvironmentPostProcessor} chose, and
 * stops it with the application. Only in the demo, and only when no real mail server is configured.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class MailCatcherConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	@ConditionalOnProperty(MailCatcherEnvironmentPostProcessor.CATCHER_PORT)
	MailCatcher mailCatcher(Environment environment) {
		return new MailCatcher(environment.getRequiredProperty(MailCatcherEnvironmentPostProcessor.CATCHER_PORT,
				Integer.class));
	}

}
