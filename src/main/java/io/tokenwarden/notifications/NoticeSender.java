package io.tokenwarden.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One send round: claim the due notices no other instance holds, group them into one digest per
 * recipient, send each, and record how it went. The Message-ID of each digest is stored with the
 * claim, before anything is sent, so if this instance dies between the mail server's "250 OK" and
 * the record, the next round sends the same email again under the same Message-ID (at most one
 * duplicate, which mail clients can recognise).
 */
@Component
class NoticeSender {

	private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

	private final NoticeOutbox outbox;

	private final MailComposer composer;

	private final ObjectProvider<JavaMailSender> mailSenders;

	private final AtomicBoolean warnedNoSmtp = new AtomicBoolean();

	private final NotificationSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MessageIds messageIds;

	private final LinkNoticeSender linkSender;

	private final OwnerLinks ownerLinks;

	NoticeSender(NoticeOutbox outbox, MailComposer composer, ObjectProvider<JavaMailSender> mailSenders, NotificationSettings settings,
			TransactionTemplate transactions, Clock clock, MessageIds messageIds, LinkNoticeSender linkSender,
			OwnerLinks ownerLinks) {
		this.outbox = outbox;
		this.ownerLinks = ownerLinks;
		this.linkSender = linkSender;
		this.composer = composer;
		this.mailSenders = mailSenders;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
		this.messageIds = messageIds;
	}

	SendReport sendDue() {
		if (this.mailSenders.getIfAvailable() == null) {
			// no SMTP configured: notices wait in the outbox, nothing is lost, and they go out once it is
			if (this.warnedNoSmtp.compareAndSet(false, true)) {
				log.warn("No SMTP server is configured (spring.mail.host): notices stay pending until one is");
			}
			return SendReport.NOTHING;
		}
		SendReport report = SendReport.NOTHING;
		for (Digest digest : claim()) {
			report = report.plus(deliver(digest));
		}
		// emails with a link (invitations, password resets) go one by one, never in a digest
		return report.plus(this.linkSender.sendDue(this.mailSenders.getObject()));
	}

	/** Claims the due notices and fixes each digest's Message-ID, in one short transaction. */
	List<Digest> claim() {
		List<Digest> digests = this.transactions.execute(status -> {
			List<Notice> due = this.outbox.lockDue(this.clock.instant(), this.settings.batchSize());
			List<Digest> grouped = group(due);
			grouped.forEach(d -> this.outbox.claim(d.ids(), d.messageId(), this.settings.claimTimeout()));
			return grouped;
		});
		return digests == null ? List.of() : digests;
	}

	/** Sends one digest and records the outcome on its notices. */
	SendReport deliver(Digest digest) {
		try {
			send(digest);
		}
		catch (MessagingException | RuntimeException ex) {
			return recordFailure(digest, ex);
		}
		this.transactions.executeWithoutResult(status -> this.outbox.markSent(digest.ids(), this.clock.instant()));
		return new SendReport(1, digest.notices().size(), 0, 0);
	}

	/** Hands the digest's email to the mail server, recording nothing. */
	void send(Digest digest) throws MessagingException {
		JavaMailSender mailSender = this.mailSenders.getObject();
		Instant now = this.clock.instant();
		MimeMessage message = this.composer.compose(mailSender, digest, this.ownerLinks.issueFor(digest, now), now);
		mailSender.send(message);
	}

	private SendReport recordFailure(Digest digest, Exception failure) {
		int attempts = digest.attempts() + 1;
		boolean permanent = SmtpFailures.isPermanent(failure);
		boolean giveUp = permanent || attempts >= this.settings.maxAttempts();
		Instant retryAt = this.clock.instant().plus(this.settings.backoffAfter(attempts));
		String error = SmtpFailures.describe(failure);
		this.transactions.executeWithoutResult(status -> this.outbox.markFailed(digest.ids(), giveUp, retryAt, error));
		int count = digest.notices().size();
		if (giveUp) {
			log.warn("Gave up on notices {} for {} after {} attempt(s): {}", digest.ids(), digest.recipient(), attempts,
					error);
			return new SendReport(0, 0, 0, count);
		}
		log.info("Notices {} not delivered (attempt {}), retrying at {}: {}", digest.ids(), attempts, retryAt, error);
		return new SendReport(0, 0, count, 0);
	}

	/**
	 * One digest per recipient. Notices that already carry a Message-ID (an earlier attempt may have
	 * reached the recipient) stay in the email they were first sent in, so a resend is recognisably
	 * the same email; new notices for that recipient go into a new one.
	 */
	List<Digest> group(List<Notice> due) {
		Map<String, List<Notice>> byEmail = due.stream()
			.collect(Collectors.groupingBy(n -> n.messageId() != null ? "id:" + n.messageId()
					: "to:" + n.recipient().toLowerCase(Locale.ROOT), LinkedHashMap::new, Collectors.toList()));
		List<Digest> digests = new ArrayList<>();
		byEmail.forEach((key, notices) -> {
			String messageId = notices.get(0).messageId() != null ? notices.get(0).messageId() : messageId();
			digests.add(new Digest(notices.get(0).recipient(), messageId, List.copyOf(notices)));
		});
		return digests;
	}

	/** A fresh random Message-ID ({@link MessageIds}); the notice ids travel in a header of their own. */
	String messageId() {
		return this.messageIds.next();
	}

}
