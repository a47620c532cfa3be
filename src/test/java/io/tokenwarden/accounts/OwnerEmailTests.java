package io.tokenwarden.accounts;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.notifications.NewNotice;
import io.tokenwarden.notifications.NoticeAccount;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.AccountTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The owner's email on the account page: validated, audited, and followed by the notices not sent yet. */
@DemoConsoleTest
class OwnerEmailTests {

	/** The application's clock, which other tests of this context move forward: "now" for the page. */
	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	AccountDirectory directory;

	@Autowired
	AccountTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notices notices;

	@Autowired
	TransactionTemplate transactions;

	private long account;

	private WebSession admin;

	private String oldOwner;

	@BeforeEach
	void anAccountWithAnOwner() throws Exception {
		AccountFixtures fixtures = new AccountFixtures(this.agencies, this.directory, this.tokens, this.jdbc);
		long agency = fixtures.agency("Owner Agency");
		this.oldOwner = "old-" + AccountFixtures.unique() + "@owner.test";
		this.account = fixtures.account(Publisher.FACEBOOK, "66" + AccountFixtures.unique(), "Owner Shop", this.oldOwner,
				agency);
		this.admin = new WebSession(this.mvc, fixtures.member(agency, Role.ADMIN)).inAgency(agency);
	}

	@Test
	void ownerWhenChangedThenThePageShowsItTheAuditRecordsItAndPendingNoticesGoToTheNewOwnerOnly() throws Exception {
		String newOwner = "new-" + AccountFixtures.unique() + "@owner.test";
		pendingNotice("EXPIRED:" + this.account + ":1", this.oldOwner, false);
		pendingNotice("EXPIRED:" + this.account + ":1", "admin-copy@agency.test", true);

		MvcResult result = this.admin.perform(post("/config/accounts/" + this.account + "/owner")
			.param("ownerEmail", "  " + newOwner + " ").with(csrf()));

		assertThat(FlashMessages.success(result)).isEqualTo("owner.changed");
		assertThat(this.directory.find(this.account).orElseThrow().ownerEmail()).isEqualTo(newOwner);
		assertThat(this.admin.perform(get("/config/accounts/" + this.account)).getResponse().getContentAsString())
			.contains(newOwner, "owner_changed", this.oldOwner + " → " + newOwner);
		assertThat(recipients()).containsExactlyInAnyOrder(newOwner, "admin-copy@agency.test");
		assertThat(this.jdbc.sql("select distinct owner_email from notice where account_id = ?")
			.param(this.account).query(String.class).list()).containsExactly(newOwner);
		// the same event for the new owner again is not a second email
		pendingNotice("EXPIRED:" + this.account + ":1", newOwner, false);
		assertThat(recipients()).containsExactlyInAnyOrder(newOwner, "admin-copy@agency.test");
	}

	@Test
	void ownerWhenTheNewOwnerAlreadyHasTheSameNoticeWaitingThenOneNoticeRemains() throws Exception {
		String newOwner = "new-" + AccountFixtures.unique() + "@owner.test";
		pendingNotice("EXPIRED:" + this.account + ":2", this.oldOwner, false);
		pendingNotice("EXPIRED:" + this.account + ":2", newOwner, false);

		this.admin.perform(post("/config/accounts/" + this.account + "/owner").param("ownerEmail", newOwner).with(csrf()));

		assertThat(recipients()).containsExactly(newOwner);
	}

	@Test
	void ownerWhenTheValueIsNotOneAddressThenAClearMessageAndNothingChanges() throws Exception {
		pendingNotice("EXPIRED:" + this.account + ":3", this.oldOwner, false);
		List<String[]> bad = List.of(new String[] { "", "owner.required" }, new String[] { "no-at-sign", "owner.oneAt" },
				new String[] { "two@@owner.test", "owner.oneAt" }, new String[] { "a@b@c.test", "owner.oneAt" },
				new String[] { "@owner.test", "owner.oneAt" }, new String[] { "nul\u0000@owner.test", "owner.controlCharacters" },
				new String[] { "line\nbreak@owner.test", "owner.controlCharacters" },
				new String[] { "x".repeat(310) + "@owner.test", "owner.tooLong" });

		for (String[] value : bad) {
			MvcResult result = this.admin.perform(post("/config/accounts/" + this.account + "/owner")
				.param("ownerEmail", value[0]).with(csrf()));
			if (value[0].chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n')) {
				// refused with a 400 page before any controller, like every parameter with a control character
				assertThat(result.getResponse().getStatus()).as(value[0]).isEqualTo(400);
			}
			else {
				assertThat(FlashMessages.error(result)).as(value[0]).isEqualTo(value[1]);
			}
		}

		assertThat(this.directory.find(this.account).orElseThrow().ownerEmail()).isEqualTo(this.oldOwner);
		assertThat(recipients()).containsExactly(this.oldOwner);
		assertThat(this.jdbc.sql("select count(*) from audit_event where account_id = ? and action = 'owner_changed'")
			.param(this.account).query(Long.class).single()).isZero();
	}

	private void pendingNotice(String key, String recipient, boolean adminCopy) {
		NoticeAccount about = new NoticeAccount(this.account, Publisher.FACEBOOK, "66", "Owner Shop",
				this.directory.find(this.account).orElseThrow().ownerEmail());
		NewNotice expired = NewNotice.expired(about, "PASSWORD_CHANGED", this.clock.instant(), key);
		this.transactions.executeWithoutResult(status -> this.notices.enqueue(new NewNotice(expired.kind(), about,
				recipient, adminCopy, expired.reason(), expired.occurredAt(), null, null, key)));
	}

	private List<String> recipients() {
		return this.jdbc.sql("select recipient from notice where account_id = ?").param(this.account).query(String.class).list();
	}

}
