package io.tokenwarden.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One loud line once the demo serves: where, and with which published logins, so nobody mistakes it for an installation. */
@Component
@Profile("demo")
class DemoAnnouncement {

	private static final Logger log = LoggerFactory.getLogger(DemoAnnouncement.class);

	private final Environment environment;

	DemoAnnouncement(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		log.warn(line());
	}

	String line() {
		String address = this.environment.getProperty("server.address", "every interface");
		String port = this.environment.getProperty("local.server.port", this.environment.getProperty("server.port", "8080"));
		return "DEMO MODE on " + address + ":" + port + " - anyone who reaches it can sign in as admin@demo.test, "
				+ "manager@demo.test, viewer@demo.test or other-admin@demo.test with the password 'demo'. "
				+ "For a real installation set spring.datasource.url (see README, Security and operations).";
	}

}
