package io.tokenwarden.invalidation;

import java.util.List;

/**
 * Why a token was invalidated; labelled by {@code reason.<NAME>} in messages.properties. An admin picks
 * one of {@link #chosenByAdmins()}; {@link #UNLINKED} is set when the account's last agency unlinks it.
 */
public enum InvalidationReason {

	USER_LEFT, STOP_ACTIVITY, OTHER, UNLINKED;

	/** The reasons the Invalidate Token confirmation offers. */
	public static List<InvalidationReason> chosenByAdmins() {
		return List.of(USER_LEFT, STOP_ACTIVITY, OTHER);
	}

}
