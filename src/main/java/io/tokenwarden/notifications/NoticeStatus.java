package io.tokenwarden.notifications;

/** Where a notice is on its way to the recipient's mailbox. */
public enum NoticeStatus {

	/** Waiting for its first delivery attempt. */
	PENDING,

	/** Accepted by the mail server. */
	SENT,

	/** The last attempt failed for a reason that may pass (server down, 4xx, timeout): it will be retried. */
	FAILED,

	/** Given up: the mail server refused it for good (5xx), or every attempt failed. */
	DEAD

}
