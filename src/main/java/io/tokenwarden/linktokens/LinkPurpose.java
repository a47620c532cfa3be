package io.tokenwarden.linktokens;

/**
 * What an emailed link is for, and the path it opens. A token of one purpose never opens a page of
 * another: an invitation's token is no password reset.
 */
public enum LinkPurpose {

	/** Joins an agency: {@code /invitations/{token}}. */
	INVITATION("/invitations/"),

	/** Sets a new password: {@code /password/reset/{token}}. */
	PASSWORD_RESET("/password/reset/"),

	/** Reconnects one publisher account, without a console login: {@code /reconnect/{token}}; the subject is the account. */
	RECONNECT("/reconnect/");

	private final String path;

	LinkPurpose(String path) {
		this.path = path;
	}

	/** The path the link opens, token included: only ever put into the email itself. */
	public String pathWith(String token) {
		return this.path + token;
	}

}
