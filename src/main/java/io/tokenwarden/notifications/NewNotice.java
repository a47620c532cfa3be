package io.tokenwarden.notifications;

import java.time.Instant;

/**
 * A notice to put in the outbox: what happened to which account, for whom, and the key that makes
 * enqueuing it again harmless. Build one with the factory of its kind. Every text value is kept on
 * one line (control characters become spaces), so nothing in it can reach an email header as a
 * header of its own.
 *
 * @param dedupeKey identifies the event being reported (for example {@code EXPIRED:42:2026-05-01T10:00Z});
 * it is unique per recipient, so the owner's notice and each admin's copy can share it
 */
public record NewNotice(NoticeKind kind, NoticeAccount account, String recipient, boolean adminCopy, String reason,
		Instant occurredAt, Instant expiresAt, String actor, String dedupeKey) {

	public NewNotice {
		if (kind == null || account == null) {
			throw new IllegalArgumentException("a notice needs its kind and its account");
		}
		recipient = required(recipient, "a notice's recipient", 320);
		dedupeKey = required(dedupeKey, "a notice's dedupe key", 300);
		reason = optional(reason, 64);
		actor = optional(actor, 320);
		if (kind == NoticeKind.EXPIRED && reason == null) {
			throw new IllegalArgumentException("an EXPIRED notice needs the reason");
		}
		if (kind == NoticeKind.EXPIRING_SOON && expiresAt == null) {
			throw new IllegalArgumentException("an EXPIRING_SOON notice needs the expiry date");
		}
		if (kind == NoticeKind.UNLINKED && (actor == null || occurredAt == null)) {
			throw new IllegalArgumentException("an UNLINKED notice needs who unlinked the account, and when");
		}
	}

	/** The token stopped working because of {@code reason} (a {@code reason.*} name such as PASSWORD_CHANGED). */
	public static NewNotice expired(NoticeAccount account, String reason, Instant expiredAt, String dedupeKey) {
		return new NewNotice(NoticeKind.EXPIRED, account, account.ownerEmail(), false, reason, expiredAt, null, null,
				dedupeKey);
	}

	/** The token expires at {@code expiresAt}; {@code reason} DATA_ACCESS_EXPIRED when it is the data access. */
	public static NewNotice expiringSoon(NoticeAccount account, Instant expiresAt, String reason, String dedupeKey) {
		return new NewNotice(NoticeKind.EXPIRING_SOON, account, account.ownerEmail(), false, reason, null, expiresAt,
				null, dedupeKey);
	}

	/** The ad account's funding source is invalid: a billing matter, not a token one. */
	public static NewNotice fundingSourceInvalid(NoticeAccount account, Instant detectedAt, String dedupeKey) {
		return new NewNotice(NoticeKind.FUNDING_SOURCE_INVALID, account, account.ownerEmail(), false, null, detectedAt,
				null, null, dedupeKey);
	}

	/** The publisher has not been reachable for this account since {@code lastVerifiedAt}. */
	public static NewNotice unreachable(NoticeAccount account, Instant lastVerifiedAt, String dedupeKey) {
		return new NewNotice(NoticeKind.UNREACHABLE, account, account.ownerEmail(), false, null, lastVerifiedAt, null,
				null, dedupeKey);
	}

	/** {@code actor} invalidated the token at {@code at}, for {@code reason}. */
	public static NewNotice unlinked(NoticeAccount account, String actor, Instant at, String reason, String dedupeKey) {
		return new NewNotice(NoticeKind.UNLINKED, account, account.ownerEmail(), false, reason, at, null, actor,
				dedupeKey);
	}

	/** The problem reported earlier is resolved. */
	public static NewNotice fixed(NoticeAccount account, Instant fixedAt, String dedupeKey) {
		return new NewNotice(NoticeKind.FIXED, account, account.ownerEmail(), false, null, fixedAt, null, null,
				dedupeKey);
	}

	/**
	 * {@code actor}, an agency admin, sends the owner a link to reconnect the account (its token is
	 * issued when the email goes out). The dedupe key is per minute: a double click sends one email.
	 */
	public static NewNotice reconnectLink(NoticeAccount account, String actor, Instant requestedAt) {
		return new NewNotice(NoticeKind.RECONNECT_LINK, account, account.ownerEmail(), false, null, requestedAt, null,
				actor, "RECONNECT_LINK:" + account.id() + ":" + requestedAt.getEpochSecond() / 60);
	}

	/** The owner reconnected the account through an email link, at {@code at}: their confirmation. */
	public static NewNotice reconnected(NoticeAccount account, Instant at) {
		return new NewNotice(NoticeKind.RECONNECTED, account, account.ownerEmail(), false, null, at, null,
				null, "RECONNECTED:" + account.id() + ":" + at.toEpochMilli());
	}

	/** The same notice as a copy for an agency admin who opted in. */
	public NewNotice copyTo(String adminEmail) {
		return new NewNotice(this.kind, this.account, adminEmail, true, this.reason, this.occurredAt, this.expiresAt,
				this.actor, this.dedupeKey);
	}

	static String required(String value, String what, int max) {
		String line = optional(value, max);
		if (line == null) {
			throw new IllegalArgumentException(what + " is required");
		}
		return line;
	}

	/** Null for blank; otherwise one trimmed line of at most {@code max} characters. */
	static String optional(String value, int max) {
		if (value == null) {
			return null;
		}
		String line = value.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ").trim();
		if (line.isEmpty()) {
			return null;
		}
		return line.length() <= max ? line : line.substring(0, max);
	}

}
