package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;

import java.time.Instant;

/** A notice in the outbox, with its facts and how its delivery went. */
public record Notice(long id, NoticeKind kind, long accountId, String recipient, boolean adminCopy,
		Publisher publisher, String externalId, String accountName, String ownerEmail, String reason,
		Instant occurredAt, Instant expiresAt, String actor, NoticeStatus status, int attempts,
		Instant nextAttemptAt, String messageId, String lastError, Instant createdAt, Instant sentAt) {

	/** Still to be delivered. */
	public boolean pending() {
		return this.status == NoticeStatus.PENDING || this.status == NoticeStatus.FAILED;
	}

}
