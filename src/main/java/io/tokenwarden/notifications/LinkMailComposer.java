package io.tokenwarden.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The email of a link notice: an invitation or a password reset, with its link. Headers get the same
 * one-line and strict-address treatment as the digests ({@link MailComposer}).
 */
@Component
class LinkMailComposer {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final MailTemplates templates;

	private final MessageSource messages;

	private final MailSettings mail;

	private final LinkSettings links;

	LinkMailComposer(MailTemplates templates, MessageSource messages, MailSettings mail, LinkSettings links) {
		this.templates = templates;
		this.messages = messages;
		this.mail = mail;
		this.links = links;
	}

	/** The email for {@code notice} whose link opens with {@code token}. */
	MimeMessage compose(JavaMailSender sender, LinkNotice notice, String token, String messageId, Instant now)
			throws MessagingException {
		String subject = subject(notice);
		Map<String, Object> model = new HashMap<>();
		model.put("purpose", notice.purpose().name());
		model.put("subject", subject);
		model.put("recipient", notice.recipient());
		model.put("agency", notice.agencyName());
		model.put("role", notice.role() == null ? null : text("role." + notice.role()));
		model.put("roleHint", notice.role() == null ? null : text("role." + notice.role() + ".hint"));
		model.put("actor", notice.actor());
		model.put("link", this.links.base() + notice.purpose().pathWith(token));
		model.put("until", DATE_TIME.format(notice.linkExpiresAt()));
		model.put("baseUrl", this.links.base() + "/");
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
		helper.setFrom(new InternetAddress(MailComposer.oneLine(this.mail.from()), true));
		helper.setTo(MailComposer.recipient(notice.recipient()));
		helper.setSubject(MailComposer.oneLine(subject));
		helper.setSentDate(Date.from(now));
		helper.setText(this.templates.render("link.txt", model), this.templates.render("link.html", model));
		message.setHeader("Message-ID", MailComposer.oneLine(messageId));
		return message;
	}

	String subject(LinkNotice notice) {
		return switch (notice.purpose()) {
			case INVITATION -> text("mail.invitation.subject", notice.actor(), notice.agencyName());
			case PASSWORD_RESET -> text("mail.reset.subject");
			// owners' reconnect links go out in the digests (MailComposer), never as a link notice
			case RECONNECT -> throw new IllegalStateException("reconnect links are sent in digests");
		};
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args.length == 0 ? null : args, Locale.ENGLISH);
	}

}
