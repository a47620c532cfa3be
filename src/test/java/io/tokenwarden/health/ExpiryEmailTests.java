package io.tokenwarden.health;

import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.refresh.TokenRefreshed;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Expired, expiring-soon and reminder emails that health rounds send, and the expired-token banner. */
class ExpiryEmailTests extends HealthTestSupport {

	private static final String EXPIRED_BANNER = "Warning, the associated token is no more valid: refresh it here";

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void roundWhenPasswordChangedThenOneExpiredEmailInTheArticlesWordsAndTheBannerOnTheAgencysPages() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		TestAccount account = account(Publisher.FACEBOOK, Answer.refused(460), agencyName(agencyId));
		WebSession admin = session("admin@demo.test").inAgency(agencyId);
		assertThat(page(admin, "/config/accounts")).doesNotContain(EXPIRED_BANNER);
		due(account);

		this.checks.runRound();
		this.notices.sendDueNow();

		assertThat(status(account)).isEqualTo("EXPIRED");
		assertThat(statusReason(account)).isEqualTo("PASSWORD_CHANGED");
		List<MimeMessage> mails = mailTo(account.owner());
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("Warning: your account token is expired");
		assertThat(text(mails.get(0))).contains("""
				Warning your account token is expired
				Please refresh it in the config / manage account
				Facebook Account Id: %s
				Facebook Account Name: %s ( %s )
				Reason: the account's user changed their password.
				Refresh it here: https://warden.example.test/config/accounts?q=%s
				""".formatted(account.externalId(), account.name(), account.owner(), account.externalId()));
		for (String path : List.of("/config/accounts", "/config/accounts/" + account.id(), "/config/notifications")) {
			String html = page(admin, path);
			assertThat(html).as(path).contains(EXPIRED_BANNER).contains("href=\"/config/accounts/" + account.id() + "\"");
		}

		// still expired at the next round: the incident was emailed once
		this.clock.advance(Duration.ofHours(1));
		due(account);
		this.checks.runRound();
		this.notices.sendDueNow();
		assertThat(mailTo(account.owner())).hasSize(1);
		assertThat(checkOutcomes(account)).containsExactly("EXPIRED", "EXPIRED");
	}

	@Test
	void roundWhenOneOwnerHasThreeExpiredAccountsThenOneEmailListsAllThree() throws Exception {
		String owner = "digest-" + UUID.randomUUID() + "@mail.test";
		List<TestAccount> expired = List.of(ownedBy(owner, Publisher.FACEBOOK, Answer.refused(460)),
				ownedBy(owner, Publisher.FACEBOOK, Answer.refused(463)), ownedBy(owner, Publisher.X, Answer.refused(0)));
		expired.forEach(this::due);

		this.checks.runRound();
		this.notices.sendDueNow();

		List<MimeMessage> mails = mailTo(owner);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("Warning: 3 of your account tokens are expired");
		String text = text(mails.get(0));
		assertThat(text).contains("This email lists 3 notices");
		for (TestAccount account : expired) {
			assertThat(status(account)).isEqualTo("EXPIRED");
			assertThat(text).contains(account.publisher().displayName() + " Account Id: " + account.externalId())
				.contains(account.publisher().displayName() + " Account Name: " + account.name() + " ( " + owner + " )");
		}
	}

	@Test
	void roundsWhileStillExpiredThenNoReminderBeforeTheIntervalOneAfterItAndNoneAfterARefresh() throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.refused(460));
		checkAndSend(account);
		assertThat(mailTo(account.owner())).hasSize(1);

		this.clock.advance(Duration.ofDays(2));
		checkAndSend(account);
		assertThat(mailTo(account.owner())).as("before the reminder interval (3 days)").hasSize(1);

		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		checkAndSend(account);
		assertThat(mailTo(account.owner())).as("after the reminder interval").hasSize(2);
		assertThat(mailTo(account.owner()).get(1).getSubject()).isEqualTo("Warning: your account token is expired");

		this.clock.advance(Duration.ofHours(1));
		checkAndSend(account);
		assertThat(mailTo(account.owner())).as("one reminder per interval").hasSize(2);

		refresh(account);
		this.clock.advance(Duration.ofDays(7));
		checkAndSend(account);
		assertThat(mailTo(account.owner())).as("nothing after the refresh").hasSize(2);
		assertThat(status(account)).isEqualTo("VALID");
		assertThat(noticeKinds(account.owner())).containsExactly("EXPIRED", "EXPIRED");
	}

	@Test
	void refreshWhenAReminderIsWaitingToBeSentThenItIsNeverSent() throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.refused(467));
		checkAndSend(account);
		this.clock.advance(Duration.ofDays(3).plusMinutes(1));
		due(account);
		this.checks.runRound();
		assertThat(noticeKinds(account.owner())).containsExactly("EXPIRED", "EXPIRED");

		refresh(account);
		this.notices.sendDueNow();

		assertThat(mailTo(account.owner())).hasSize(1);
	}

	@Test
	void roundsBeforeAKnownExpiryThenOneNoticeSevenDaysAndOneOneDayBefore() throws Exception {
		Instant expiresAt = this.clock.instant().plus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		TestAccount account = account(Publisher.FACEBOOK, Answer.validUntil(expiresAt));

		checkAndSend(account);
		assertThat(mailTo(account.owner())).as("ten days before").isEmpty();

		this.clock.advance(Duration.ofDays(3).plusMinutes(1));
		checkAndSend(account);
		assertThat(mailTo(account.owner())).as("seven days before").hasSize(1);

		this.clock.advance(Duration.ofDays(1));
		checkAndSend(account);
		this.clock.advance(Duration.ofDays(4));
		checkAndSend(account);
		assertThat(mailTo(account.owner())).as("between the thresholds").hasSize(1);

		this.clock.advance(Duration.ofDays(1));
		checkAndSend(account);
		this.clock.advance(Duration.ofHours(6));
		checkAndSend(account);

		List<MimeMessage> mails = mailTo(account.owner());
		assertThat(mails).as("one day before, once").hasSize(2);
		String date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(expiresAt);
		for (MimeMessage mail : mails) {
			assertThat(mail.getSubject()).isEqualTo("Reminder: refresh your account token before " + date);
			assertThat(text(mail)).contains("Please refresh it before " + date + " to avoid interruption.");
		}
		assertThat(status(account)).isEqualTo("VALID");
	}

	@Test
	void sendWhenSmtpWasDownThenTheExpiredEmailIsDeliveredExactlyOnceWhenItIsBack() throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.refused(460));
		due(account);
		smtp.stop();

		this.checks.runRound();
		this.notices.sendDueNow();
		assertThat(status(account)).isEqualTo("EXPIRED");

		smtp.start();
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		this.notices.sendDueNow();
		this.notices.sendDueNow();

		assertThat(mailTo(account.owner())).hasSize(1);
		assertThat(mailTo(account.owner()).get(0).getSubject()).isEqualTo("Warning: your account token is expired");
	}

	private void checkAndSend(TestAccount account) {
		due(account);
		this.checks.runRound();
		this.notices.sendDueNow();
	}

	/** What a refresh through the publisher's consent does: a new valid token, and the event, in one transaction. */
	private void refresh(TestAccount account) {
		TokenSecret fresh = TestData.secret();
		imitation.answer(fresh.reveal(), Answer.valid());
		this.transactions.executeWithoutResult(status -> {
			this.tokens.store(account.id(), new NewToken(fresh, null, null, null, "ads_read"), "admin@demo.test");
			this.events.publishEvent(new TokenRefreshed(account.id(), account.publisher(), TokenStatus.EXPIRED,
					"admin@demo.test", this.agencies.findAgency("Northwind Agency").orElseThrow(), this.clock.instant()));
		});
	}

}
