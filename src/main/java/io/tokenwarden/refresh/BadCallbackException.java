package io.tokenwarden.refresh;

/** A callback that cannot belong to a refresh this browser started; answered with a 400 page. */
class BadCallbackException extends RuntimeException {

	private final String messageKey;

	BadCallbackException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
