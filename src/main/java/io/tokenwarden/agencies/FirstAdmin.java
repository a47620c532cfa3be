package io.tokenwarden.agencies;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creates the first agency and its admin of a real installation from
 * {@code TOKENWARDEN_BOOTSTRAP_ADMIN_EMAIL}, {@code _PASSWORD} and {@code TOKENWARDEN_BOOTSTRAP_AGENCY},
 * once, while nobody can sign in yet.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	@ConfigurationProperties("tokenwarden.bootstrap")
	record Settings(String adminEmail, String adminPassword, String agency) {
	}

	private final Settings settings;

	private final AgencyDirectory directory;

	private final JdbcClient jdbc;

	FirstAdmin(Settings settings, AgencyDirectory directory, JdbcClient jdbc) {
		this.settings = settings;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(this.settings.adminEmail())) {
			return;
		}
		if (!StringUtils.hasText(this.settings.adminPassword()) || this.settings.adminPassword().length() < 12) {
			throw new IllegalStateException("tokenwarden.bootstrap.admin-password must have at least 12 characters");
		}
		this.jdbc.sql("select pg_advisory_xact_lock(7301)").query().singleValue();
		if (this.directory.hasUsers()) {
			return;
		}
		String agencyName = StringUtils.hasText(this.settings.agency()) ? this.settings.agency() : "My Agency";
		long agencyId = this.directory.findAgency(agencyName).orElseGet(() -> this.directory.createAgency(agencyName));
		long userId = this.directory.createUser(this.settings.adminEmail(), this.settings.adminEmail(), this.settings.adminPassword());
		this.directory.addMember(agencyId, userId, Role.ADMIN);
		// the bootstrap admin is the installation's first installation admin: it creates the other agencies
		this.directory.setInstallationAdmin(userId, true);
		log.info("Created the first admin {} of {}", this.settings.adminEmail(), agencyName);
	}

}
