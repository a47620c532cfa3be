package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.MailParts;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the emails say, to whom, and in how many emails. */
class NoticeMailTests extends NotificationsTestSupport {

	@Test
	void expiredEmailWhenSentThenHasTheSupportArticleWordingSubjectAndAbsoluteLink() throws Exception {
		NoticeAccount account = account(Publisher.FACEBOOK, "Lakeside Pets");
		enqueue(NewNotice.expired(account, "PASSWORD_CHANGED", this.clock.instant(), key()));

		this.notices.sendDueNow();

		MimeMessage mail = onlyMailTo(account.ownerEmail());
		assertThat(mail.getSubject()).isEqualTo("Warning: your account token is expired");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("Token Warden <no-reply@tokenwarden.local>");
		String text = text(mail);
		assertThat(text).contains("""
				Warning your account token is expired
				Please refresh it in the config / manage account
				Facebook Account Id: %s
				Facebook Account Name: Lakeside Pets ( %s )
				Reason: the account's user changed their password.
				Refresh it here: https://warden.example.test/config/accounts?q=%s
				""".formatted(account.externalId(), account.ownerEmail(), account.externalId()));
		assertThat(noticeTo(account.ownerEmail()).status()).isEqualTo(NoticeStatus.SENT);
	}

	@Test
	void expiredEmailWhenXAccountThenSaysXWhereFacebookWouldBe() throws Exception {
		NoticeAccount account = account(Publisher.X, "Zephyr Kites");
		enqueue(NewNotice.expired(account, "APP_REMOVED", this.clock.instant(), key()));

		this.notices.sendDueNow();

		String text = text(onlyMailTo(account.ownerEmail()));
		assertThat(text).contains("X Account Id: " + account.externalId())
			.contains("X Account Name: Zephyr Kites ( " + account.ownerEmail() + " )")
			.contains("Reason: the user removed Token Warden's app at the publisher.")
			.doesNotContain("Facebook");
	}

	@Test
	void sendWhenThreeNoticesForOneOwnerThenOneEmailListsAllThree() throws Exception {
		String owner = account(Publisher.FACEBOOK, "x").ownerEmail();
		List<NoticeAccount> accounts = List.of(owned(Publisher.FACEBOOK, "Alpine Outfitters", owner),
				owned(Publisher.X, "Bluebird Coffee", owner), owned(Publisher.FACEBOOK, "Cedar & Pine Furniture", owner));
		accounts.forEach(a -> enqueue(NewNotice.expired(a, "EXPIRED", this.clock.instant(), key())));

		SendReport report = this.notices.sendDueNow();

		MimeMessage mail = onlyMailTo(owner);
		assertThat(mail.getSubject()).isEqualTo("Warning: 3 of your account tokens are expired");
		String text = text(mail);
		assertThat(text).contains("This email lists 3 notices");
		accounts.forEach(a -> assertThat(text).contains("Account Id: " + a.externalId()).contains(a.name()));
		assertThat(report.emailsSent()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void sendWhenTwoOwnersThenEachGetsOneEmailAboutTheirOwnAccount() throws Exception {
		NoticeAccount first = account(Publisher.FACEBOOK, "Delta Dental Care");
		NoticeAccount second = account(Publisher.FACEBOOK, "Evergreen Grocers");
		enqueue(NewNotice.expired(first, "CHECKPOINT", this.clock.instant(), key()));
		enqueue(NewNotice.expired(second, "LOGGED_OUT", this.clock.instant(), key()));

		this.notices.sendDueNow();

		assertThat(text(onlyMailTo(first.ownerEmail()))).contains("Delta Dental Care")
			.contains("Reason: the user must log in at facebook.com first.")
			.doesNotContain("Evergreen Grocers");
		assertThat(text(onlyMailTo(second.ownerEmail()))).contains("Evergreen Grocers")
			.doesNotContain("Delta Dental Care");
	}

	@Test
	void unreachableEmailWhenSentThenSaysNoActionIsNeededAndNeverExpired() throws Exception {
		NoticeAccount account = account(Publisher.FACEBOOK, "Falcon Fitness");
		enqueue(NewNotice.unreachable(account, this.clock.instant().minus(Duration.ofHours(30)), key()));

		this.notices.sendDueNow();

		MimeMessage mail = onlyMailTo(account.ownerEmail());
		String text = text(mail);
		assertThat(text).contains("We can't reach Facebook to verify your token; no action is needed yet");
		assertThat(mail.getSubject() + text + html(mail)).doesNotContainIgnoringCase("expired");
	}

	@Test
	void fundingSourceEmailWhenSentThenIsABillingMessageNotATokenOne() throws Exception {
		NoticeAccount account = account(Publisher.FACEBOOK, "Golden Gate Bakery");
		enqueue(NewNotice.fundingSourceInvalid(account, this.clock.instant(), key()));

		this.notices.sendDueNow();

		MimeMessage mail = onlyMailTo(account.ownerEmail());
		assertThat(mail.getSubject()).contains("funding source");
		String text = text(mail);
		assertThat(text).contains("Please visit Facebook Business Manager to make sure your billing information is correct")
			.doesNotContainIgnoringCase("expired")
			.doesNotContain("Refresh it here");
	}

	@Test
	void expiringSoonEmailWhenSentThenAsksForARefreshBeforeTheDate() throws Exception {
		NoticeAccount account = account(Publisher.FACEBOOK, "Harbor Lights Hotel");
		enqueue(NewNotice.expiringSoon(account, Instant.parse("2031-03-08T09:00:00Z"), "EXPIRED", key()));

		this.notices.sendDueNow();

		MimeMessage mail = onlyMailTo(account.ownerEmail());
		assertThat(mail.getSubject()).isEqualTo("Reminder: refresh your account token before 2031-03-08");
		assertThat(text(mail)).contains("Please refresh it before 2031-03-08 to avoid interruption.");
	}

	@Test
	void sendWhenOneOwnerHasNoticesOfSeveralKindsThenTheSubjectSumsThemUp() throws Exception {
		String owner = account(Publisher.FACEBOOK, "x").ownerEmail();
		enqueue(NewNotice.expired(owned(Publisher.FACEBOOK, "Xenon Lighting", owner), "EXPIRED", this.clock.instant(), key()));
		enqueue(NewNotice.unreachable(owned(Publisher.X, "Yellowtail Sushi", owner), this.clock.instant(), key()));

		this.notices.sendDueNow();

		MimeMessage mail = onlyMailTo(owner);
		assertThat(mail.getSubject()).isEqualTo("Warning: 2 of your accounts need attention");
		assertThat(text(mail)).contains("Warning your account token is expired")
			.contains("We can't reach X to verify your token; no action is needed yet");
	}

	@Test
	void sendWhenTheNoticeIsAnAdminCopyThenItGoesToTheAdminAndSaysWhy() throws Exception {
		NoticeAccount account = account(Publisher.FACEBOOK, "Aurora Dance Studio");
		String admin = "admin-" + java.util.UUID.randomUUID() + "@agency.test";
		NewNotice notice = NewNotice.expired(account, "EXPIRED", this.clock.instant(), key());
		enqueue(notice);
		enqueue(notice.copyTo(admin));

		this.notices.sendDueNow();

		assertThat(text(onlyMailTo(admin))).contains("Facebook Account Name: Aurora Dance Studio ( " + account.ownerEmail() + " )")
			.contains("You receive this copy because you asked for copies")
			.contains("https://warden.example.test/config/notifications");
		assertThat(text(onlyMailTo(account.ownerEmail()))).doesNotContain("You receive this copy");
	}

	@Test
	void sendWhenAccountNameOrActorHasLineBreaksThenNoHeaderIsInjected() throws Exception {
		NoticeAccount account = account(Publisher.FACEBOOK, "Ironwood\r\nBcc: victim@evil.test\r\nX-Injected: yes");
		enqueue(NewNotice.unlinked(account, "admin@demo.test\r\nCc: other@evil.test", this.clock.instant(), "USER_LEFT",
				key()));

		this.notices.sendDueNow();

		MimeMessage mail = onlyMailTo(account.ownerEmail());
		// a long subject is folded (CRLF + space continues the same header); unfolded, it is one line
		assertThat(MimeUtility.unfold(mail.getHeader("Subject", null))).doesNotContain("\r").doesNotContain("\n")
			.contains("Ironwood");
		assertThat(mail.getHeader("Bcc")).isNull();
		assertThat(mail.getHeader("Cc")).isNull();
		assertThat(mail.getHeader("X-Injected")).isNull();
		assertThat(mail.getAllRecipients()).hasSize(1);
		for (Header header : Collections.list(mail.getAllHeaders())) {
			assertThat(MimeUtility.unfold(header.getValue())).as(header.getName()).doesNotContain("\n");
		}
		assertThat(smtp.messagesTo("victim@evil.test")).isEmpty();
		assertThat(smtp.messagesTo("other@evil.test")).isEmpty();
		assertThat(text(mail)).contains("Your account was unlinked by admin@demo.test Cc: other@evil.test on ");
	}

	private static NoticeAccount owned(Publisher publisher, String name, String owner) {
		NoticeAccount fresh = account(publisher, name);
		return new NoticeAccount(fresh.id(), publisher, fresh.externalId(), name, owner);
	}

	private MimeMessage onlyMailTo(String recipient) {
		List<MimeMessage> mails = smtp.messagesTo(recipient);
		assertThat(mails).as("emails to " + recipient).hasSize(1);
		return mails.get(0);
	}

	private static String text(MimeMessage mail) throws Exception {
		return MailParts.text(mail).replace("\r\n", "\n");
	}

	private static String html(MimeMessage mail) throws Exception {
		return MailParts.html(mail);
	}

}
