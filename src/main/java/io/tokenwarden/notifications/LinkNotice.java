package io.tokenwarden.notifications;

import io.tokenwarden.linktokens.LinkPurpose;

import java.time.Instant;

/** An email with a link in the outbox, and how its delivery went. */
record LinkNotice(long id, LinkPurpose purpose, long subjectId, String recipient, String agencyName, String role,
		String actor, Instant linkExpiresAt, NoticeStatus status, int attempts, String messageId) {

	/** This notice with its Message-ID fixed. */
	LinkNotice withMessageId(String id) {
		return new LinkNotice(this.id, this.purpose, this.subjectId, this.recipient, this.agencyName, this.role, this.actor,
				this.linkExpiresAt, this.status, this.attempts, id);
	}

}
