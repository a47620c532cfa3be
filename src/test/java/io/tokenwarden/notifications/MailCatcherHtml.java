package io.tokenwarden.notifications;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Finds the text/html part of a received email. */
final class MailCatcherHtml {

	private MailCatcherHtml() {
	}

	static String html(Part part) throws Exception {
		if (part.isMimeType("text/html")) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String html = html(multipart.getBodyPart(i));
				if (html != null) {
					return html;
				}
			}
		}
		return null;
	}

}
