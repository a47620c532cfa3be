package io.tokenwarden.reconnect;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Every request to an owner's reconnect page takes a try from the link's bucket and from the client
 * address's, as the sign-in throttle counts failures: Bucket4j token buckets in PostgreSQL (table
 * {@code reconnect_bucket}), so every instance sees the same counts. A link's bucket is keyed by the
 * link's reference, never its token; an unknown link counts against the address all the same.
 */
@Component
class ReconnectThrottle {

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final BucketConfiguration linkConfiguration;

	private final BucketConfiguration addressConfiguration;

	ReconnectThrottle(DataSource dataSource, ReconnectSettings settings, Clock clock) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("reconnect_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.clientClock(new ClockTimeMeter(clock))
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
		this.linkConfiguration = configuration(settings.attemptsPerLink(), settings.attemptWindow());
		this.addressConfiguration = configuration(settings.attemptsPerAddress(), settings.attemptWindow());
	}

	/** Takes a try for the link (its reference; null for a malformed one) and the address; false when either has none left. */
	boolean tryAttempt(String linkReference, String address) {
		boolean addressAllowed = this.buckets
			.getProxy("address:" + (address == null ? "unknown" : address), () -> this.addressConfiguration)
			.tryConsume(1);
		boolean linkAllowed = linkReference == null || this.buckets
			.getProxy("link:" + linkReference, () -> this.linkConfiguration)
			.tryConsume(1);
		return addressAllowed && linkAllowed;
	}

	/** Forgets buckets that have long been full again. */
	int removeExpired() {
		int removed = 0;
		int batch;
		do {
			batch = this.buckets.removeExpired(1000);
			removed += batch;
		}
		while (batch == 1000);
		return removed;
	}

	private static BucketConfiguration configuration(int tries, Duration window) {
		return BucketConfiguration.builder().addLimit(limit -> limit.capacity(tries).refillGreedy(tries, window)).build();
	}

	/** Bucket4j's time from the application's clock, so tests can let a window pass. */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
