package io.tokenwarden.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Failed sign-ins, counted in Bucket4j token buckets that live in PostgreSQL, so every instance
 * sees the same counts. Each account (by the email typed, whether or not it exists) has a bucket of
 * {@code accountFailures} tries, one coming back every window / failures; the failure that uses the
 * last try locks the account for {@code lock}, by putting the bucket that far into debt. Each client
 * address has a larger bucket, for every account together. Only failures take tries, and each
 * bucket is its own row, so nobody's sign-in waits for anybody else's.
 */
@Component
class SignInThrottle {

	private final ThrottleBuckets buckets;

	private final SignInSettings settings;

	private final BucketConfiguration accountConfiguration;

	private final BucketConfiguration addressConfiguration;

	SignInThrottle(DataSource dataSource, SignInSettings settings, Clock clock) {
		this.settings = settings;
		this.buckets = new ThrottleBuckets(dataSource, "sign_in_bucket", clock);
		this.accountConfiguration = ThrottleBuckets.tries(settings.accountFailures(), settings.window());
		this.addressConfiguration = ThrottleBuckets.tries(settings.addressFailures(), settings.window());
	}

	/** Whether a sign-in as {@code email} from {@code address} may be tried now. */
	Verdict check(String email, String address) {
		EstimationProbe account = account(email).estimateAbilityToConsume(1);
		boolean addressAllowed = address(address).estimateAbilityToConsume(1).canBeConsumed();
		return new Verdict(account.canBeConsumed() && addressAllowed,
				!account.canBeConsumed() || account.getRemainingTokens() < this.settings.accountFailures());
	}

	/** Counts a failed sign-in against the account and the address; the last try locks the account. */
	void failed(String email, String address) {
		address(address).tryConsume(1);
		BucketProxy account = account(email);
		if (account.tryConsumeAndReturnRemaining(1).getRemainingTokens() == 0) {
			// from a full bucket, without the fraction of a try already regained, owe as many tries as
			// come back during the lock: the next try is there exactly when the lock ends
			account.reset();
			account.consumeIgnoringRateLimits(this.settings.accountFailures() + triesRegainedIn(this.settings.lock()) - 1);
		}
	}

	/** A sign-in succeeded (or the password was reset): the account's failures are forgotten. */
	void forget(String email) {
		account(email).reset();
	}

	/** Forgets buckets that have long been full again; returns how many rows went. */
	int removeExpired() {
		return this.buckets.removeExpired();
	}

	private long triesRegainedIn(Duration duration) {
		long perTry = this.settings.window().toNanos() / this.settings.accountFailures();
		return Math.max(1, (duration.toNanos() + perTry - 1) / perTry);
	}

	private BucketProxy account(String email) {
		// the bucket's key is a hash: the table never lists the addresses people typed
		return this.buckets.bucket("account:" + sha256(email.trim().toLowerCase(Locale.ROOT)), this.accountConfiguration);
	}

	private BucketProxy address(String address) {
		return this.buckets.bucket("address:" + (address == null ? "unknown" : address), this.addressConfiguration);
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param allowed the sign-in may be tried
	 * @param hadFailures the account has failures to forget once it succeeds
	 */
	record Verdict(boolean allowed, boolean hadFailures) {
	}

}
