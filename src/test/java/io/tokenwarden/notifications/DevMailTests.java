package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.DemoSandboxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo as it runs: no mail server configured, so the in-process catcher gets every email, and
 * {@code /dev/mail} shows each demo admin the mail about their agencies' accounts and the mail to them.
 */
@DemoSandboxTest
class DevMailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Notices notices;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void devMailWhenAnAdminOfTheAccountsAgencyLooksThenShowsItEscaped() throws Exception {
		String owner = "dev-mail-" + UUID.randomUUID() + "@mail.test";
		sendExpiry(accountOnlyOf("Northwind Agency"), "Willow <Yoga>", owner);

		this.mvc.perform(get("/dev/mail").with(user("admin@demo.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(owner)))
			.andExpect(content().string(containsString("Warning: your account token is expired")))
			.andExpect(content().string(containsString("Facebook Account Name: Willow &lt;Yoga&gt; ( " + owner + " )")));
	}

	@Test
	void devMailWhenAnotherAgencysAdminLooksThenTheMailAboutAnAccountTheyCannotSeeIsNotShown() throws Exception {
		String owner = "dev-mail-" + UUID.randomUUID() + "@mail.test";
		sendExpiry(accountOnlyOf("Northwind Agency"), "Hidden Harbour", owner);

		this.mvc.perform(get("/dev/mail").with(user("other-admin@demo.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(owner))))
			.andExpect(content().string(not(containsString("Hidden Harbour"))));
	}

	@Test
	void devMailWhenTheMailIsAddressedToTheAdminThenShownEvenAboutAnotherAgencysAccount() throws Exception {
		String name = "Fabrikam Only " + UUID.randomUUID();
		sendExpiry(accountOnlyOf("Fabrikam Partners"), name, "admin@demo.test");

		this.mvc.perform(get("/dev/mail").with(user("admin@demo.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
		this.mvc.perform(get("/dev/mail").with(user("other-admin@demo.test")))
			.andExpect(content().string(containsString(name)));
	}

	@Test
	void devMailWhenAViewerOrAManagerLooksThenForbidden() throws Exception {
		this.mvc.perform(get("/dev/mail").with(user("viewer@demo.test"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/dev/mail").with(user("manager@demo.test"))).andExpect(status().isForbidden());
	}

	@Test
	void devMailWhenNotSignedInThenRedirectsToLogin() throws Exception {
		this.mvc.perform(get("/dev/mail")).andExpect(status().is3xxRedirection());
	}

	/** A demo account linked to this agency and to no other. */
	private long accountOnlyOf(String agency) {
		return this.jdbc.sql("""
				select l.account_id from agency_account_link l join agency g on g.id = l.agency_id
				where g.name = ? and not exists (select 1 from agency_account_link o
				  where o.account_id = l.account_id and o.agency_id <> l.agency_id)
				order by l.account_id limit 1""")
			.param(agency)
			.query(Long.class)
			.single();
	}

	private void sendExpiry(long accountId, String name, String owner) {
		NoticeAccount account = new NoticeAccount(accountId, Publisher.FACEBOOK, "1000" + accountId, name, owner);
		this.transactions.executeWithoutResult(s -> this.notices
			.enqueue(NewNotice.expired(account, "PASSWORD_CHANGED", Instant.now(), UUID.randomUUID().toString())));
		this.notices.sendDueNow();
	}

}
