package io.tokenwarden.notifications;

import java.util.List;

/** The notices one email carries to one recipient, and the Message-ID every attempt of it keeps. */
record Digest(String recipient, String messageId, List<Notice> notices) {

	List<Long> ids() {
		return this.notices.stream().map(Notice::id).toList();
	}

	boolean adminCopy() {
		return this.notices.stream().allMatch(Notice::adminCopy);
	}

	/** How many attempts this email has had so far. */
	int attempts() {
		return this.notices.stream().mapToInt(Notice::attempts).max().orElse(0);
	}

}
