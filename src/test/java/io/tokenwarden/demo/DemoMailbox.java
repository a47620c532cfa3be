package io.tokenwarden.demo;

import io.tokenwarden.testsupport.MailParts;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.ApplicationContext;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * For browser journeys in the demo: the emails the demo's mail catcher (GreenMail) received for one
 * address, as text and HTML, oldest first.
 */
public final class DemoMailbox {

	/** One received email: its subject, its text part and its HTML part. */
	public record Mail(String subject, String text, String html) {
	}

	private DemoMailbox() {
	}

	public static List<Mail> to(ApplicationContext demo, String address) {
		MailCatcher catcher = demo.getBean(MailCatcher.class);
		List<Mail> mails = new ArrayList<>();
		try {
			for (MimeMessage message : greenMail(catcher).getReceivedMessages()) {
				boolean forAddress = message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
					.anyMatch(r -> ((InternetAddress) r).getAddress().equalsIgnoreCase(address));
				if (forAddress) {
					mails.add(new Mail(message.getSubject(), MailParts.text(message).replace("\r\n", "\n"),
							MailParts.html(message)));
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return mails;
	}

	private static com.icegreen.greenmail.util.GreenMail greenMail(MailCatcher catcher) throws ReflectiveOperationException {
		Field field = MailCatcher.class.getDeclaredField("greenMail");
		field.setAccessible(true);
		return (com.icegreen.greenmail.util.GreenMail) field.get(catcher);
	}

}
