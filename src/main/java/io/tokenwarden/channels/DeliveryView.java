package io.tokenwarden.channels;

import java.time.Instant;

/** One message to one channel, as its delivery log shows it. */
public record DeliveryView(long id, String event, String summary, DeliveryStatus status, int attempts,
		Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

	public boolean waiting() {
		return this.status == DeliveryStatus.PENDING || this.status == DeliveryStatus.FAILED;
	}

}
