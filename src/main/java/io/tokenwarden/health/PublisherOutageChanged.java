package io.tokenwarden.health;

import io.tokenwarden.publishers.Publisher;

import java.time.Instant;

/**
 * A publisher-wide incident was opened ({@code closedAt} null) or closed; published once per change,
 * by the instance whose write made it, inside that write's transaction.
 */
public record PublisherOutageChanged(Publisher publisher, Instant openedAt, Instant closedAt, String detail) {

	public boolean opened() {
		return this.closedAt == null;
	}

}
