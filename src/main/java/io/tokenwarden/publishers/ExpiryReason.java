package io.tokenwarden.publishers;

/**
 * Why a publisher no longer accepts a token. The names are stored in {@code account_token.status_reason}
 * and labelled {@code reason.<NAME>} in messages.properties, so they never change.
 */
public enum ExpiryReason {

	/** Meta 190/460: the user changed their password, or Meta reset the session. */
	PASSWORD_CHANGED,

	/** Meta 190/463, or an {@code expires_at} in the past. */
	EXPIRED,

	/** Meta 190/458: the user removed the app. */
	APP_REMOVED,

	/** Meta 190/459 or 190/464: the user must log in at facebook.com first, or re-authorization fails again. */
	CHECKPOINT,

	/** Meta 190/467: the user logged out. */
	LOGGED_OUT,

	/** Meta's 90-day data access window ({@code data_access_expires_at}) has passed. */
	DATA_ACCESS_EXPIRED,

	/** Any other refusal of the token itself: Meta 190 without subcode, 102, X 401 (code 89, Ads UNAUTHORIZED_ACCESS). */
	INVALID,

	/**
	 * An X account connected before X moved to OAuth 1.0a: its OAuth 2.0 token never worked with the X Ads
	 * API and was removed (migration V90); a refresh connects it again.
	 */
	X_OAUTH1_REQUIRED

}
