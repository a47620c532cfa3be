package io.tokenwarden.notifications;

/** What a notice tells its recipient; each kind has its own wording in the email. */
public enum NoticeKind {

	/** The token stopped working: refresh it. */
	EXPIRED,

	/** The token (or its data access) expires on a known date: refresh before then. */
	EXPIRING_SOON,

	/** The ad account's billing is broken; the token itself is fine. */
	FUNDING_SOURCE_INVALID,

	/** The publisher could not be reached for a long time; no action needed yet. */
	UNREACHABLE,

	/** An agency admin deliberately invalidated the token. */
	UNLINKED,

	/** A problem reported earlier is resolved. */
	FIXED,

	/** An agency admin sent the owner a link to reconnect the account without a console login. */
	RECONNECT_LINK,

	/** The owner reconnected the account through an email link. */
	RECONNECTED;

	/** Kinds that ask the recipient to do something. */
	boolean needsAction() {
		return this == EXPIRED || this == EXPIRING_SOON || this == FUNDING_SOURCE_INVALID || this == UNLINKED
				|| this == RECONNECT_LINK;
	}

	/** Kinds whose owner's email carries a personal reconnect link for the account. */
	boolean carriesReconnectLink() {
		return this == EXPIRED || this == EXPIRING_SOON || this == RECONNECT_LINK;
	}

}
