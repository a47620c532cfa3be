package io.tokenwarden.tokens;

/** Whether a publisher account's token can be used. */
public enum TokenStatus {

	VALID, EXPIRED, INVALIDATED;

	public boolean isUsable() {
		return this == VALID;
	}

}
