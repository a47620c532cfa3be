package io.tokenwarden.channels;

import java.time.Instant;
import java.util.Set;

/**
 * A channel as its page shows it: never its URL, only the URL's host and last characters; and how its
 * deliveries are doing (waiting or failing ones, the last error).
 *
 * @param waiting deliveries not sent yet (pending, or failed and retrying)
 * @param lastError the newest waiting or given-up delivery's error, if any
 */
public record ChannelView(long id, long agencyId, ChannelKind kind, String name, String urlHint,
		Set<ChannelEvent> events, String createdBy, Instant createdAt, long waiting, long dead, String lastError,
		int lastAttempts, Instant lastSentAt) {

	public boolean failing() {
		return this.lastError != null;
	}

	public boolean receives(ChannelEvent event) {
		return this.events.contains(event);
	}

}
