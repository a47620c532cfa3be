package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;

/**
 * A consent request the imitation publisher will not serve (unknown app, a redirect URI off this
 * machine, missing PKCE). Shown as a page, never redirected: a bad redirect URI must not be followed.
 */
class ConsentRejected extends RuntimeException {

	private final Publisher publisher;

	private final String reason;

	ConsentRejected(Publisher publisher, String reason) {
		super("consent request rejected: " + reason);
		this.publisher = publisher;
		this.reason = reason;
	}

	Publisher publisher() {
		return this.publisher;
	}

	/** The message key of the reason. */
	String reason() {
		return this.reason;
	}

}
