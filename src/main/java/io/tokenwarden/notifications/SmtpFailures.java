package io.tokenwarden.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailSendException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a refusal that will not change (an SMTP 5xx reply, an address that does not parse) from one
 * that may pass (server down, 4xx, timeout). Only the first kind gives up on a notice at once.
 */
final class SmtpFailures {

	private SmtpFailures() {
	}

	static boolean isPermanent(Throwable failure) {
		Deque<Throwable> todo = new ArrayDeque<>();
		Set<Throwable> seen = new HashSet<>();
		todo.push(failure);
		while (!todo.isEmpty()) {
			Throwable t = todo.pop();
			if (!seen.add(t)) {
				continue;
			}
			if (t instanceof AddressException) {
				return true;
			}
			int code = replyCode(t);
			if (code >= 500 && code < 600) {
				return true;
			}
			if (t instanceof MailSendException send) {
				send.getFailedMessages().values().forEach(todo::push);
			}
			if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
				todo.push(messaging.getNextException());
			}
			if (t.getCause() != null) {
				todo.push(t.getCause());
			}
		}
		return false;
	}

	/** The failure in words for the notifications page: one line, no longer than the column. */
	static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		if (root != failure) {
			text += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
		}
		text = text.replaceAll("\\s+", " ").trim();
		return text.length() <= 500 ? text : text.substring(0, 500);
	}

	private static int replyCode(Throwable t) {
		if (t instanceof SMTPAddressFailedException address) {
			return address.getReturnCode();
		}
		if (t instanceof SMTPSendFailedException send) {
			return send.getReturnCode();
		}
		return -1;
	}

}
