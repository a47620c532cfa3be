package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Config > Notifications: admins only, the agency's notices, and the copies switch. */
class NotificationsPageTests extends NotificationsTestSupport {

	@Autowired
	MockMvc mvc;

	@Test
	void notificationsPageWhenManagerThenForbidden() throws Exception {
		this.mvc.perform(get("/config/notifications").with(user("manager@demo.test"))).andExpect(status().isForbidden());
	}

	@Test
	void notificationsPageWhenViewerThenForbidden() throws Exception {
		this.mvc.perform(get("/config/notifications").with(user("viewer@demo.test"))).andExpect(status().isForbidden());
	}

	@Test
	void notificationsPageWhenAdminThenListsTheNoticesOfTheAgencysAccountsOnly() throws Exception {
		NoticeAccount linked = currentAgencyAccount();
		String key = key();
		enqueue(NewNotice.expired(linked, "PASSWORD_CHANGED", this.clock.instant(), key));
		NoticeAccount elsewhere = account(Publisher.FACEBOOK, "Union Square Florist");
		enqueue(NewNotice.expired(elsewhere, "EXPIRED", this.clock.instant(), key()));

		this.mvc.perform(get("/config/notifications").with(user("admin@demo.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(linked.ownerEmail())))
			.andExpect(content().string(containsString("Token expired")))
			.andExpect(content().string(containsString("Pending")))
			.andExpect(content().string(not(containsString(elsewhere.ownerEmail()))));
	}

	@Test
	void notificationsPageWhenANoticeIsDeadThenItIsShownWithItsError() throws Exception {
		NoticeAccount linked = currentAgencyAccount();
		enqueue(NewNotice.expired(linked, "EXPIRED", this.clock.instant(), key()));
		smtp.refuseRecipientsWith("550 5.1.1 mailbox unavailable");
		this.notices.sendDueNow();

		this.mvc.perform(get("/config/notifications").param("status", "DEAD").with(user("admin@demo.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(linked.ownerEmail())))
			.andExpect(content().string(containsString("Gave up")))
			.andExpect(content().string(containsString("550 5.1.1 mailbox unavailable")));
	}

	@Test
	void copiesWhenAdminTurnsThemOnThenTheyAreRecordedForTheCurrentAgency() throws Exception {
		this.mvc.perform(post("/config/notifications/copies").param("enabled", "true").with(csrf()).with(user("admin@demo.test")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/config/notifications"));
		this.mvc.perform(get("/config/notifications").with(user("admin@demo.test")))
			.andExpect(content().string(containsString("Stop sending me copies")));

		this.mvc.perform(post("/config/notifications/copies").param("enabled", "false").with(csrf()).with(user("admin@demo.test")))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/config/notifications").with(user("admin@demo.test")))
			.andExpect(content().string(containsString("Send me copies")));
	}

	@Test
	void copiesWhenManagerThenForbidden() throws Exception {
		this.mvc.perform(post("/config/notifications/copies").param("enabled", "true").with(csrf()).with(user("manager@demo.test")))
			.andExpect(status().isForbidden());
	}

	/**
	 * A real account of admin@demo.test's current agency (Contoso Media, the first of theirs by name),
	 * with a fresh owner address so that only this test's notices carry it.
	 */
	private NoticeAccount currentAgencyAccount() {
		long id = this.jdbc.sql("""
				select l.account_id from agency_account_link l join agency g on g.id = l.agency_id
				where g.name = 'Contoso Media' order by l.account_id limit 1""").query(Long.class).single();
		NoticeAccount fresh = account(Publisher.FACEBOOK, "Contoso test account");
		return new NoticeAccount(id, Publisher.FACEBOOK, fresh.externalId(), fresh.name(), fresh.ownerEmail());
	}

}
