package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo as it runs: no mail server configured, so the in-process catcher gets every email. */
@SpringBootTest
@AutoConfigureMockMvc
class DevMailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Notices notices;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void devMailWhenTheDemoSentAnEmailThenShowsItEscaped() throws Exception {
		String owner = "dev-mail-" + UUID.randomUUID() + "@mail.test";
		NoticeAccount account = new NoticeAccount(8_000_000_001L, Publisher.FACEBOOK, "100008000000001",
				"Willow <Yoga>", owner);
		this.transactions.executeWithoutResult(
				s -> this.notices.enqueue(NewNotice.expired(account, "PASSWORD_CHANGED", Instant.now(), UUID.randomUUID().toString())));

		this.notices.sendDueNow();

		this.mvc.perform(get("/dev/mail").with(user("viewer@demo.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(owner)))
			.andExpect(content().string(containsString("Warning: your account token is expired")))
			.andExpect(content().string(containsString("Facebook Account Name: Willow &lt;Yoga&gt; ( " + owner + " )")));
	}

	@Test
	void devMailWhenNotSignedInThenRedirectsToLogin() throws Exception {
		this.mvc.perform(get("/dev/mail")).andExpect(status().is3xxRedirection());
	}

}
