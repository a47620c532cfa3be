package io.tokenwarden.members;

import io.tokenwarden.testsupport.MailParts;
import jakarta.mail.internet.MimeMessage;

/** The plain-text part of an email GreenMail received. */
final class TeamMail {

	private TeamMail() {
	}

	static String text(MimeMessage message) throws Exception {
		String text = MailParts.text(message);
		if (text == null) {
			throw new IllegalStateException("no text part");
		}
		return text;
	}

}
