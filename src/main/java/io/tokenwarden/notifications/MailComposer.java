package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a digest into the email to send: subject, sender, recipient, Message-ID, text and HTML.
 * Values that go into headers are reduced to one line first, and addresses are parsed strictly, so
 * nothing a publisher or an admin typed can add a header or a recipient.
 */
@Component
class MailComposer {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final Map<Publisher, String> BILLING_LINKS = Map.of(Publisher.FACEBOOK,
			"https://business.facebook.com/billing_hub/", Publisher.X, "https://ads.x.com/");

	private final MailTemplates templates;

	private final MessageSource messages;

	private final MailSettings mail;

	private final LinkSettings links;

	private final ReconnectLinkSettings reconnect;

	MailComposer(MailTemplates templates, MessageSource messages, MailSettings mail, LinkSettings links,
			ReconnectLinkSettings reconnect) {
		this.reconnect = reconnect;
		this.templates = templates;
		this.messages = messages;
		this.mail = mail;
		this.links = links;
	}

	/** The email of the digest; an {@link AddressException} when the recipient does not parse. */
	MimeMessage compose(JavaMailSender sender, Digest digest, Map<Long, String> reconnectLinks, Instant now)
			throws MessagingException {
		String subject = subject(digest.notices());
		Map<String, Object> model = new HashMap<>();
		model.put("items", digest.notices()
			.stream()
			.map(n -> item(n, n.adminCopy() ? null : reconnectLinks.get(n.accountId())))
			.toList());
		model.put("adminCopy", digest.adminCopy());
		model.put("baseUrl", this.links.base() + "/");
		model.put("settingsLink", this.links.base() + "/config/notifications");
		model.put("subject", subject);
		model.put("linkDays", Math.max(1, this.reconnect.linkTtl().toDays()));
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
		helper.setFrom(from());
		helper.setTo(recipient(digest.recipient()));
		helper.setSubject(oneLine(subject));
		helper.setSentDate(Date.from(now));
		helper.setText(this.templates.render("digest.txt", model), this.templates.render("digest.html", model));
		message.setHeader("Message-ID", oneLine(digest.messageId()));
		// for tracing an email back to its notices (the Message-ID itself is random)
		message.setHeader(Notices.NOTICES_HEADER, digest.ids().stream().map(String::valueOf).collect(Collectors.joining(",")));
		return message;
	}

	String subject(List<Notice> notices) {
		NoticeKind kind = notices.get(0).kind();
		boolean oneKind = notices.stream().allMatch(n -> n.kind() == kind);
		if (oneKind && notices.size() == 1) {
			Notice notice = notices.get(0);
			return switch (kind) {
				case EXPIRING_SOON -> text("mail.subject.EXPIRING_SOON", date(notice.expiresAt()));
				case UNREACHABLE -> text("mail.subject.UNREACHABLE", notice.publisher().displayName());
				case UNLINKED -> text("mail.subject.UNLINKED", notice.publisher().displayName(), notice.accountName());
				case RECONNECT_LINK, RECONNECTED -> text("mail.subject." + kind.name(), notice.publisher().displayName(),
						notice.accountName());
				default -> text("mail.subject." + kind.name());
			};
		}
		if (oneKind) {
			return text("mail.subject." + kind.name() + ".many", notices.size());
		}
		long accounts = notices.stream().map(Notice::accountId).distinct().count();
		return notices.stream().anyMatch(n -> n.kind().needsAction()) ? text("mail.subject.mixed.action", accounts)
				: text("mail.subject.mixed", notices.size());
	}

	private MailItem item(Notice notice, String reconnectLink) {
		String publisher = notice.publisher().displayName();
		String reason = notice.reason() == null ? null
				: this.messages.getMessage("reason." + notice.reason(), null, text("reason.UNKNOWN"), Locale.ENGLISH);
		String date = switch (notice.kind()) {
			case EXPIRING_SOON -> date(notice.expiresAt());
			case UNREACHABLE -> notice.occurredAt() == null ? null : DATE_TIME.format(notice.occurredAt());
			default -> notice.occurredAt() == null ? null : date(notice.occurredAt());
		};
		String link = UriComponentsBuilder.fromUriString(this.links.base() + "/config/accounts")
			.queryParam("q", notice.externalId())
			.encode()
			.build()
			.toUriString();
		return new MailItem(notice.kind(), publisher, notice.externalId(), notice.accountName(), notice.ownerEmail(),
				reason, date, "DATA_ACCESS_EXPIRED".equals(notice.reason()), notice.actor(), link,
				text("mail.funding." + notice.publisher().name()), BILLING_LINKS.get(notice.publisher()), reconnectLink);
	}

	private InternetAddress from() throws AddressException {
		return new InternetAddress(oneLine(this.mail.from()), true);
	}

	/** The recipient as a bare address: no display name, and nothing that is not strictly an address. */
	static InternetAddress recipient(String address) throws AddressException {
		if (address == null || !address.equals(oneLine(address))) {
			throw new AddressException("the recipient address has control characters", String.valueOf(address));
		}
		InternetAddress parsed = new InternetAddress(address, true);
		if (parsed.isGroup() || parsed.getPersonal() != null || !address.trim().equals(parsed.getAddress())) {
			throw new AddressException("the recipient is not a single bare address", address);
		}
		return parsed;
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args.length == 0 ? null : args, Locale.ENGLISH);
	}

	private static String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant);
	}

	/** One line: control characters (CR, LF, NUL, and the Unicode line breaks) become a space. */
	static String oneLine(String value) {
		return value == null ? null : value.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ").trim();
	}

}
