package io.tokenwarden.notifications;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.flash.Flash;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.MailParts;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The owners' reconnect links in the emails: the expiry email's own link next to the console's, none in
 * an admin's copy, a link that expires with the clock, and the admins' "Send reconnect link" for one
 * account and for every owner of an expired account (one email per owner), with who may send them.
 */
class ReconnectLinkMailTests extends NotificationsTestSupport {

	private static final Pattern LINK = Pattern.compile("https://warden\\.example\\.test/reconnect/([A-Za-z0-9_-]{43})");

	@Autowired
	MockMvc mvc;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	AccountTokens tokens;

	private long agency;

	private String admin;

	@BeforeEach
	void anAgencyAndItsAdmin() {
		this.agency = this.agencies.createAgency("Reconnect Agency " + UUID.randomUUID());
		this.admin = member(this.agency, Role.ADMIN);
	}

	@Test
	void expiredEmailWhenSentToTheOwnerThenCarriesAPersonalReconnectLinkAndTheConsoleLinkButTheCopyHasNone()
			throws Exception {
		long id = account(Publisher.FACEBOOK, owner(), TokenStatus.EXPIRED);
		NoticeAccount about = about(id);
		String key = key();
		enqueue(NewNotice.expired(about, "PASSWORD_CHANGED", this.clock.instant(), key));
		enqueue(NewNotice.expired(about, "PASSWORD_CHANGED", this.clock.instant(), key).copyTo(this.admin));

		this.notices.sendDueNow();

		String text = text(only(about.ownerEmail()));
		assertThat(text).contains("Refresh it here: https://warden.example.test/config/accounts?q=" + about.externalId(),
				"Not a Token Warden user? Reconnect it yourself with Facebook, no login needed: https://warden.example.test/reconnect/",
				"This personal link works once, for 7 days");
		assertThat(links(text)).hasSize(1);
		assertThat(links(text(only(this.admin)))).as("an admin's copy").isEmpty();
		assertThat(this.jdbc.sql("select count(*) from link_token where purpose = 'RECONNECT' and subject_id = ?")
			.param(id).query(Long.class).single()).isOne();
		assertThat(this.mvc.perform(get("/reconnect/" + links(text).get(0))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void reconnectLinkWhenItsLifetimeHasPassedThenTheClearPageAsForAnUnknownLink() throws Exception {
		long id = account(Publisher.X, owner(), TokenStatus.EXPIRED);
		enqueue(NewNotice.expired(about(id), "INVALID", this.clock.instant(), key()));
		this.notices.sendDueNow();
		String token = links(text(only(about(id).ownerEmail()))).get(0);
		assertThat(this.mvc.perform(get("/reconnect/" + token)).andReturn().getResponse().getContentAsString())
			.contains("Reconnect with X");

		this.clock.advance(Duration.ofDays(7).plusMinutes(1));

		MvcResult expired = this.mvc.perform(get("/reconnect/" + token)).andReturn();
		MvcResult unknown = this.mvc.perform(get("/reconnect/" + "Q".repeat(43))).andReturn();
		assertThat(expired.getResponse().getStatus()).isEqualTo(404);
		assertThat(expired.getResponse().getContentAsString()).contains("Please ask your agency for a new link")
			.isEqualTo(unknown.getResponse().getContentAsString());
		assertThat(this.mvc.perform(post("/reconnect/" + token).with(csrf())).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void sendReconnectLinkWhenAnAdminAsksThenTheOwnerGetsANewLinkAndTheOlderOneStopsWorking() throws Exception {
		long id = account(Publisher.FACEBOOK, owner(), TokenStatus.EXPIRED);
		String owner = about(id).ownerEmail();
		enqueue(NewNotice.expired(about(id), "EXPIRED", this.clock.instant(), key()));
		this.notices.sendDueNow();
		String older = links(text(only(owner))).get(0);

		MvcResult sent = this.mvc.perform(post("/config/accounts/{id}/reconnect-link", id).with(user(this.admin))
			.with(csrf())).andReturn();
		this.notices.sendDueNow();

		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts/" + id);
		assertThat(FlashMessages.success(sent)).isEqualTo("reconnect.sent");
		List<MimeMessage> mails = smtp.messagesTo(owner);
		assertThat(mails).hasSize(2);
		MimeMessage newest = mails.get(1);
		assertThat(newest.getSubject()).isEqualTo("Please reconnect your Facebook account " + about(id).name());
		assertThat(text(newest)).contains(this.admin + " asks you to reconnect your Facebook account",
				"Agency admins can also refresh it in the console: https://warden.example.test/config/accounts?q=");
		String newer = links(text(newest)).get(0);
		assertThat(this.mvc.perform(get("/reconnect/" + older)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/reconnect/" + newer)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from notice where account_id = ? and kind = 'RECONNECT_LINK'")
			.param(id).query(Long.class).single()).as("in the account's notification log").isOne();
	}

	@Test
	void sendReconnectLinksToEveryOwnerWhenTwoOwnersHaveThreeExpiredAccountsThenOneEmailPerOwnerEachAccountItsOwnLink()
			throws Exception {
		String first = owner();
		String second = owner();
		String fine = owner();
		long a = account(Publisher.FACEBOOK, first, TokenStatus.EXPIRED);
		long b = account(Publisher.X, first, TokenStatus.EXPIRED);
		long c = account(Publisher.FACEBOOK, second, TokenStatus.EXPIRED);
		account(Publisher.FACEBOOK, fine, TokenStatus.VALID);

		MvcResult sent = this.mvc.perform(post("/config/accounts/reconnect-links").with(user(this.admin)).with(csrf()))
			.andReturn();
		this.mvc.perform(post("/config/accounts/reconnect-links").with(user(this.admin)).with(csrf()));
		this.notices.sendDueNow();

		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts");
		assertThat(FlashMessages.success(sent)).isEqualTo("reconnect.sentAll");
		assertThat(FlashMessages.arguments(sent, Flash.Level.SUCCESS)).containsExactly(2, 3);
		String firstText = text(only(first));
		assertThat(firstText).contains(about(a).name(), about(b).name());
		List<String> firstLinks = links(firstText);
		assertThat(firstLinks).hasSize(2).doesNotHaveDuplicates();
		assertThat(links(text(only(second)))).hasSize(1);
		assertThat(smtp.messagesTo(fine)).isEmpty();
		// each link opens its own account
		assertThat(this.mvc.perform(get("/reconnect/" + firstLinks.get(0))).andReturn().getResponse()
			.getContentAsString()).contains(about(a).name()).doesNotContain(about(b).name());
		assertThat(this.mvc.perform(get("/reconnect/" + firstLinks.get(1))).andReturn().getResponse()
			.getContentAsString()).contains(about(b).name());
		assertThat(c).isPositive();
	}

	@Test
	void sendReconnectLinkWhenNotAnAdminOrNotThisAgencysAccountOrWithoutCsrfThenRefusedAndNothingQueued()
			throws Exception {
		long id = account(Publisher.FACEBOOK, owner(), TokenStatus.EXPIRED);
		long foreignAgency = this.agencies.createAgency("Foreign Agency " + UUID.randomUUID());
		long foreign = linkedTo(foreignAgency, account(Publisher.FACEBOOK, owner(), TokenStatus.EXPIRED));
		String manager = member(this.agency, Role.MANAGER);
		String viewer = member(this.agency, Role.VIEWER);

		for (String person : List.of(manager, viewer)) {
			assertThat(status(post("/config/accounts/{id}/reconnect-link", id).with(user(person)).with(csrf())))
				.as(person).isEqualTo(403);
			assertThat(status(post("/config/accounts/reconnect-links").with(user(person)).with(csrf()))).as(person)
				.isEqualTo(403);
		}
		assertThat(status(post("/config/accounts/{id}/reconnect-link", foreign).with(user(this.admin)).with(csrf())))
			.isEqualTo(404);
		assertThat(status(post("/config/accounts/{id}/reconnect-link", id).with(user(this.admin)))).isEqualTo(403);
		assertThat(status(post("/config/accounts/reconnect-links").with(user(this.admin)))).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from notice where account_id in (?, ?)").params(id, foreign)
			.query(Long.class).single()).isZero();
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private String member(long agencyId, Role role) {
		String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@agency.test";
		this.agencies.addMember(agencyId, this.agencies.createUser(email, role.name(), "x".repeat(16)), role);
		return email;
	}

	private static String owner() {
		return "owner-" + UUID.randomUUID() + "@client.test";
	}

	/** An account of the test's agency owned by {@code owner}, its token in {@code status}. */
	private long account(Publisher publisher, String owner, TokenStatus status) {
		long id = this.transactions.execute(tx -> {
			String externalId = String.valueOf(700_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
			long created = this.accounts.create(publisher, externalId, "Reconnect Shop " + externalId, owner).id();
			this.accounts.link(this.agency, created);
			this.tokens.store(created, new NewToken(TokenSecret.of("access-" + UUID.randomUUID()),
					publisher == Publisher.X ? TokenSecret.of("secret-" + UUID.randomUUID()) : null, null, null, null),
					"test");
			return created;
		});
		if (status != TokenStatus.VALID) {
			this.tokens.changeStatus(id, status, "EXPIRED", null, "test");
		}
		return id;
	}

	/** Moves the account from the test's agency to {@code agencyId}. */
	private long linkedTo(long agencyId, long id) {
		this.jdbc.sql("update agency_account_link set agency_id = ? where account_id = ?").params(agencyId, id).update();
		return id;
	}

	private NoticeAccount about(long id) {
		var account = this.accounts.find(id).orElseThrow();
		return new NoticeAccount(id, account.publisher(), account.externalId(), account.name(), account.ownerEmail());
	}

	private MimeMessage only(String recipient) {
		List<MimeMessage> mails = smtp.messagesTo(recipient);
		assertThat(mails).as("emails to " + recipient).hasSize(1);
		return mails.get(0);
	}

	private static List<String> links(String text) {
		Matcher matcher = LINK.matcher(text);
		List<String> found = new java.util.ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static String text(MimeMessage mail) throws Exception {
		return MailParts.text(mail).replace("\r\n", "\n");
	}

}
