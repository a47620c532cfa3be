package io.tokenwarden.reconnect;

import io.github.bucket4j.BucketConfiguration;
import io.tokenwarden.security.ThrottleBuckets;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Every request to an owner's reconnect page takes a try from the link's bucket and from the client
 * address's, as the sign-in throttle counts failures: Bucket4j token buckets in PostgreSQL (table
 * {@code reconnect_bucket}), so every instance sees the same counts. A link's bucket is keyed by the
 * link's reference, never its token; an unknown link counts against the address all the same.
 */
@Component
class ReconnectThrottle {

	private final ThrottleBuckets buckets;

	private final BucketConfiguration linkConfiguration;

	private final BucketConfiguration addressConfiguration;

	ReconnectThrottle(DataSource dataSource, ReconnectSettings settings, Clock clock) {
		this.buckets = new ThrottleBuckets(dataSource, "reconnect_bucket", clock);
		this.linkConfiguration = ThrottleBuckets.tries(settings.attemptsPerLink(), settings.attemptWindow());
		this.addressConfiguration = ThrottleBuckets.tries(settings.attemptsPerAddress(), settings.attemptWindow());
	}

	/** Takes a try for the link (its reference; null for a malformed one) and the address; false when either has none left. */
	boolean tryAttempt(String linkReference, String address) {
		boolean addressAllowed = this.buckets
			.bucket("address:" + (address == null ? "unknown" : address), this.addressConfiguration)
			.tryConsume(1);
		boolean linkAllowed = linkReference == null || this.buckets
			.bucket("link:" + linkReference, this.linkConfiguration)
			.tryConsume(1);
		return addressAllowed && linkAllowed;
	}

	/** Forgets buckets that have long been full again. */
	int removeExpired() {
		return this.buckets.removeExpired();
	}

}
