package io.tokenwarden.refresh;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.TokenCipher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A real installation without an X app: the X Refresh says which properties to set, and nothing is sent. */
@SpringBootTest(properties = { "tokenwarden.demo.enabled=false", "tokenwarden.data-dir=target/test-data-demo-off-x",
		// outside the demo every redirect is absolute at the base URL
		"tokenwarden.base-url=https://warden.example.test" })
@AutoConfigureMockMvc
@Import(TestData.class)
class XRefreshDemoOffTests {

	@DynamicPropertySource
	static void keyset(DynamicPropertyRegistry registry) {
		registry.add("tokenwarden.encryption.keyset", TokenCipher::generateKeyset);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refreshWhenNoXConsumerKeyThenTheMessageNamesThePropertiesAndNothingStarts() throws Exception {
		long id = this.data.account(Publisher.X, TestData.unique("Unconfigured X Shop"), "Real Agency");
		long agency = this.agencies.findAgency("Real Agency").orElseThrow();
		this.agencies.addMember(agency, this.agencies.createUser("admin@real.example", "Real Admin", "a long passphrase"),
				Role.ADMIN);

		MvcResult result = new WebSession(this.mvc, "admin@real.example")
			.perform(post("/config/accounts/{id}/refresh", id).with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("https://warden.example.test/config/accounts");
		assertThat(FlashMessages.error(result)).isEqualTo("refresh.notConfigured.x");
		assertThat(this.messages.getMessage("refresh.notConfigured.x", null, Locale.ENGLISH)).contains(
				"tokenwarden.publishers.x.consumer-key", "tokenwarden.publishers.x.consumer-secret",
				"TOKENWARDEN_PUBLISHERS_X_CONSUMER_KEY");
		assertThat(this.jdbc.sql("select count(*) from audit_event where account_id = ? and action = 'refresh_started'")
			.param(id).query(Long.class).single()).isZero();
	}

}
