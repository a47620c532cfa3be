package io.tokenwarden.members;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The plain-text part of an email GreenMail received. */
final class TeamMail {

	private TeamMail() {
	}

	static String text(MimeMessage message) throws Exception {
		String text = text((Part) message);
		if (text == null) {
			throw new IllegalStateException("no text part");
		}
		return text;
	}

	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
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
