package io.tokenwarden.notifications;

import io.tokenwarden.linktokens.LinkTokens;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sends the due link emails, one email per notice. The link's token is issued (and its hash
 * committed) just before the email goes out, so the database never holds a token anyone could read
 * back; a retry issues a fresh one. A link that expired while the mail server was down is not sent.
 */
@Component
class LinkNoticeSender {

	private static final Logger log = LoggerFactory.getLogger(LinkNoticeSender.class);

	private final LinkNoticeOutbox outbox;

	private final LinkMailComposer composer;

	private final LinkTokens tokens;

	private final NotificationSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MessageIds messageIds;

	LinkNoticeSender(LinkNoticeOutbox outbox, LinkMailComposer composer, LinkTokens tokens,
			NotificationSettings settings, TransactionTemplate transactions, Clock clock, MessageIds messageIds) {
		this.outbox = outbox;
		this.composer = composer;
		this.tokens = tokens;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
		this.messageIds = messageIds;
	}

	SendReport sendDue(JavaMailSender mailSender) {
		List<LinkNotice> due = this.transactions.execute(status -> {
			List<LinkNotice> locked = this.outbox.lockDue(this.clock.instant(), this.settings.batchSize());
			// the Message-ID is fixed at the claim, so the email and its resends all carry the stored one
			return locked.stream().map(n -> {
				LinkNotice claimed = n.withMessageId(messageId(n));
				this.outbox.claim(claimed.id(), claimed.messageId(), this.settings.claimTimeout());
				return claimed;
			}).toList();
		});
		SendReport report = SendReport.NOTHING;
		for (LinkNotice notice : due == null ? List.<LinkNotice>of() : due) {
			report = report.plus(deliver(mailSender, notice));
		}
		return report;
	}

	private SendReport deliver(JavaMailSender mailSender, LinkNotice notice) {
		Instant now = this.clock.instant();
		if (!notice.linkExpiresAt().isAfter(now)) {
			this.transactions.executeWithoutResult(status -> this.outbox.markFailed(notice.id(), true, now,
					"the link expired before the email could be sent"));
			return new SendReport(0, 0, 0, 1);
		}
		String token = this.transactions.execute(
				status -> this.tokens.issue(notice.purpose(), notice.subjectId(), notice.linkExpiresAt(), now));
		try {
			mailSender.send(this.composer.compose(mailSender, notice, token, notice.messageId(), now));
		}
		catch (MessagingException | RuntimeException ex) {
			return recordFailure(notice, ex);
		}
		this.transactions.executeWithoutResult(status -> this.outbox.markSent(notice.id(), this.clock.instant()));
		return new SendReport(1, 1, 0, 0);
	}

	private SendReport recordFailure(LinkNotice notice, Exception failure) {
		int attempts = notice.attempts() + 1;
		boolean giveUp = SmtpFailures.isPermanent(failure) || attempts >= this.settings.maxAttempts();
		Instant retryAt = this.clock.instant().plus(this.settings.backoffAfter(attempts));
		String error = SmtpFailures.describe(failure);
		this.transactions.executeWithoutResult(status -> this.outbox.markFailed(notice.id(), giveUp, retryAt, error));
		// the error never holds the link: the composer puts the token into the body only
		log.info("{} email {} to {} not delivered (attempt {}{}): {}", notice.purpose(), notice.id(), notice.recipient(),
				attempts, giveUp ? ", given up" : ", retrying at " + retryAt, error);
		return giveUp ? new SendReport(0, 0, 0, 1) : new SendReport(0, 0, 1, 0);
	}

	/** One Message-ID per notice, random ({@link MessageIds}): every attempt of the email is recognisably the same email. */
	private String messageId(LinkNotice notice) {
		return notice.messageId() != null ? notice.messageId() : this.messageIds.next();
	}

}
