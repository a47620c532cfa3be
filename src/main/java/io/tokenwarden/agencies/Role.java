package io.tokenwarden.agencies;

/** What a person may do in one agency. */
public enum Role {

	ADMIN, MANAGER, VIEWER;

	/** Only admins refresh, invalidate and check tokens. */
	public boolean canChangeTokens() {
		return this == ADMIN;
	}

}
