package io.tokenwarden.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tokenwarden.notifications.Notices;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/** The demo's in-process SMTP server (GreenMail on loopback): keeps every email for {@code /dev/mail}. */
class MailCatcher {

	private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

	/** One captured email as {@code /dev/mail} lists it. */
	record CapturedMail(Instant receivedAt, String to, String subject, String messageId, List<Long> noticeIds,
			String text) {
	}

	private final GreenMail greenMail;

	MailCatcher(int port) {
		this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	void start() {
		this.greenMail.start();
		log.info("Demo mail catcher listening on 127.0.0.1:{}; captured mail is at /dev/mail",
				this.greenMail.getSmtp().getPort());
	}

	void stop() {
		this.greenMail.stop();
	}

	/** Every email received so far, newest first. */
	List<CapturedMail> messages() {
		List<CapturedMail> mails = new ArrayList<>();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			mails.add(capture(message));
		}
		mails.sort(Comparator.comparing(CapturedMail::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())));
		return mails;
	}

	private static CapturedMail capture(MimeMessage message) {
		try {
			Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
			String to = message.getRecipients(Message.RecipientType.TO) == null ? ""
					: Arrays.stream(message.getRecipients(Message.RecipientType.TO))
						.map(Object::toString)
						.collect(Collectors.joining(", "));
			return new CapturedMail(date == null ? null : date.toInstant(), to, message.getSubject(),
					message.getMessageID(), noticeIds(message.getHeader(Notices.NOTICES_HEADER, ",")), text(message));
		}
		catch (MessagingException | IOException ex) {
			return new CapturedMail(null, "", "(unreadable message)", null, List.of(), ex.getMessage());
		}
	}

	private static List<Long> noticeIds(String header) {
		if (header == null || header.isBlank()) {
			return List.of();
		}
		try {
			return Arrays.stream(header.split(",")).map(String::trim).map(Long::valueOf).toList();
		}
		catch (NumberFormatException ex) {
			return List.of();
		}
	}

	/** The first text/plain part, however deep in the multipart it sits. */
	private static String text(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String text = text(child);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

}
