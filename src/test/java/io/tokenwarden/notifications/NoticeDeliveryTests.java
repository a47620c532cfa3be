package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries, giving up, and crash safety: every notice is delivered, at most once more than needed. */
class NoticeDeliveryTests extends NotificationsTestSupport {

	@Autowired
	NoticeSender sender;

	@Test
	void sendWhenSmtpDownThenNoticeWaitsWithBackoffAndIsDeliveredExactlyOnceWhenBack() throws Exception {
		NoticeAccount account = account(Publisher.FACEBOOK, "Juniper Skincare");
		enqueue(NewNotice.expired(account, "PASSWORD_CHANGED", this.clock.instant(), key()));
		smtp.stop();

		this.notices.sendDueNow();

		Notice waiting = noticeTo(account.ownerEmail());
		assertThat(waiting.status()).isEqualTo(NoticeStatus.FAILED);
		assertThat(waiting.pending()).isTrue();
		assertThat(waiting.attempts()).isEqualTo(1);
		assertThat(waiting.lastError()).isNotBlank();
		assertThat(waiting.nextAttemptAt()).isAfter(this.clock.instant().plusSeconds(30));

		smtp.start();
		this.notices.sendDueNow();
		assertThat(smtp.messagesTo(account.ownerEmail())).as("not due before its backoff has passed").isEmpty();

		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		this.notices.sendDueNow();
		this.notices.sendDueNow();

		assertThat(smtp.messagesTo(account.ownerEmail())).hasSize(1);
		Notice sent = noticeTo(account.ownerEmail());
		assertThat(sent.status()).isEqualTo(NoticeStatus.SENT);
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.lastError()).isNull();
	}

	@Test
	void sendWhenServerRefusesRecipientWith550ThenNoticeIsDeadAtOnce() {
		NoticeAccount account = account(Publisher.FACEBOOK, "Keystone Realty");
		enqueue(NewNotice.expired(account, "EXPIRED", this.clock.instant(), key()));
		smtp.refuseRecipientsWith("550 5.1.1 mailbox unavailable");

		this.notices.sendDueNow();

		Notice dead = noticeTo(account.ownerEmail());
		assertThat(dead.status()).isEqualTo(NoticeStatus.DEAD);
		assertThat(dead.attempts()).isEqualTo(1);
		assertThat(dead.lastError()).contains("550");
		smtp.start();
		this.clock.advance(Duration.ofDays(1));
		this.notices.sendDueNow();
		assertThat(smtp.messagesTo(account.ownerEmail())).isEmpty();
	}

	@Test
	void sendWhenServerRefusesRecipientWith450ThenNoticeIsRetried() {
		NoticeAccount account = account(Publisher.X, "Maple Street Books");
		enqueue(NewNotice.expired(account, "EXPIRED", this.clock.instant(), key()));
		smtp.refuseRecipientsWith("450 4.2.1 mailbox busy, try later");

		this.notices.sendDueNow();

		Notice retrying = noticeTo(account.ownerEmail());
		assertThat(retrying.status()).isEqualTo(NoticeStatus.FAILED);
		assertThat(retrying.attempts()).isEqualTo(1);
	}

	@Test
	void sendWhenInstanceDiedAfterTheServerAcceptedThenTheResendCarriesTheSameMessageId() throws Exception {
		NoticeAccount account = account(Publisher.FACEBOOK, "Northstar Travel");
		enqueue(NewNotice.expired(account, "PASSWORD_CHANGED", this.clock.instant(), key()));

		// a round that sends and then dies before recording it
		List<Digest> claimed = this.sender.claim().stream()
			.filter(d -> d.recipient().equals(account.ownerEmail()))
			.toList();
		assertThat(claimed).hasSize(1);
		String storedId = noticeTo(account.ownerEmail()).messageId();
		assertThat(storedId).as("stored before sending").isEqualTo(claimed.get(0).messageId());
		this.sender.send(claimed.get(0));
		// its claim lapses
		this.jdbc.sql("update notice set claimed_until = now() - interval '1 second' where recipient = ?")
			.param(account.ownerEmail())
			.update();

		this.notices.sendDueNow();

		List<MimeMessage> mails = smtp.messagesTo(account.ownerEmail());
		assertThat(mails).hasSize(2);
		assertThat(mails.get(0).getMessageID()).isEqualTo(storedId).isEqualTo(mails.get(1).getMessageID());
		assertThat(noticeTo(account.ownerEmail()).status()).isEqualTo(NoticeStatus.SENT);
	}

	@Test
	void claimWhenAnotherRoundHoldsTheNoticeThenItIsNotClaimedTwice() {
		NoticeAccount account = account(Publisher.FACEBOOK, "Orchard Cider Co");
		enqueue(NewNotice.expired(account, "EXPIRED", this.clock.instant(), key()));

		List<Digest> first = this.sender.claim();
		List<Digest> second = this.sender.claim();

		assertThat(first).anyMatch(d -> d.recipient().equals(account.ownerEmail()));
		assertThat(second).noneMatch(d -> d.recipient().equals(account.ownerEmail()));
		first.forEach(this.sender::deliver);
	}

	@Test
	void messageIdWhenTheSameNoticesAreSentByTwoInstallationsThenRandomAtTheBaseUrlsHostWithTheNoticeIdsBeside()
			throws Exception {
		NoticeAccount account = account(Publisher.FACEBOOK, "Quartz Lighting");
		enqueue(NewNotice.expired(account, "EXPIRED", this.clock.instant(), key()));
		Notice notice = noticeTo(account.ownerEmail());
		// another installation numbers its notices from 1 too: the same ids must not give the same Message-ID
		String elsewhere = this.sender.group(List.of(notice)).get(0).messageId();

		this.notices.sendDueNow();

		MimeMessage mail = smtp.messagesTo(account.ownerEmail()).get(0);
		assertThat(mail.getMessageID()).matches("<[0-9a-f-]{36}@warden\\.example\\.test>").isNotEqualTo(elsewhere);
		assertThat(mail.getHeader("X-Token-Warden-Notices", ",")).isEqualTo(String.valueOf(notice.id()));
	}

	@Test
	void backoffWhenAttemptsFailThenWaitDoublesUpToTheMaximum() {
		NotificationSettings settings = new NotificationSettings(Duration.ofDays(3), List.of(7, 1), Duration.ofSeconds(5),
				10, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(5), 500, true);

		assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.backoffAfter(40)).isEqualTo(Duration.ofMinutes(5));
	}

}
