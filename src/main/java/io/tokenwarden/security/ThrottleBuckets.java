package io.tokenwarden.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Bucket4j token buckets kept in a PostgreSQL table ({@code id}, {@code state}, {@code expires_at}), so every
 * instance counts the same tries, timed by the application's clock so that tests can let a window pass. The one
 * way this application throttles: the sign-in and the owners' reconnect links each keep a table of them.
 */
public final class ThrottleBuckets {

	private static final int REMOVAL_BATCH = 1000;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	public ThrottleBuckets(DataSource dataSource, String table, Clock clock) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(table)
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.clientClock(new ClockTimeMeter(clock))
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	/** {@code tries} per {@code window}, regained evenly over it. */
	public static BucketConfiguration tries(int tries, Duration window) {
		return BucketConfiguration.builder().addLimit(limit -> limit.capacity(tries).refillGreedy(tries, window)).build();
	}

	/** The bucket under {@code key}, made with {@code configuration} the first time. */
	public BucketProxy bucket(String key, BucketConfiguration configuration) {
		return this.buckets.getProxy(key, () -> configuration);
	}

	/** Forgets buckets that have long been full again; returns how many rows went. */
	public int removeExpired() {
		int removed = 0;
		int batch;
		do {
			batch = this.buckets.removeExpired(REMOVAL_BATCH);
			removed += batch;
		}
		while (batch == REMOVAL_BATCH);
		return removed;
	}

	/** Bucket4j's time from the application's clock. */
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
