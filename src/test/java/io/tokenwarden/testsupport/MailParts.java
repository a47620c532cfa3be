package io.tokenwarden.testsupport;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Finds the text/plain and the text/html part of a received email, however deep in the multipart. */
public final class MailParts {

	private MailParts() {
	}

	public static String text(Part part) throws Exception {
		return first(part, "text/plain");
	}

	public static String html(Part part) throws Exception {
		return first(part, "text/html");
	}

	private static String first(Part part, String mimeType) throws Exception {
		if (part.isMimeType(mimeType)) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = first(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
