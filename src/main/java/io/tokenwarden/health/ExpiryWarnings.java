package io.tokenwarden.health;

import io.tokenwarden.notifications.NewNotice;
import io.tokenwarden.notifications.NoticeAccount;
import io.tokenwarden.notifications.NotificationSettings;
import io.tokenwarden.publishers.PublisherOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Warnings before a known expiry ({@code tokenwarden.notifications.expiry-warning-days}, 7 and 1 by
 * default): one notice per threshold, the nearest one that has been reached. X's OAuth 1.0a tokens have
 * no expiry date, so they get none. Decides only; the notices go out with the check's decision.
 */
class ExpiryWarnings {

	private final NotificationSettings settings;

	ExpiryWarnings(NotificationSettings settings) {
		this.settings = settings;
	}

	/** The warnings a valid answer makes due: the publisher's dates where it gave them, else the stored ones. */
	List<NewNotice> due(NoticeAccount account, TokenFacts token, PublisherOutcome.Valid valid, Instant now) {
		List<NewNotice> due = new ArrayList<>();
		warning(account, expiresAt(token, valid), "EXPIRED", now).ifPresent(due::add);
		warning(account, dataAccessExpiresAt(token, valid), "DATA_ACCESS_EXPIRED", now).ifPresent(due::add);
		return due;
	}

	/** Whether {@link #due} would find a threshold reached (else the check may skip it). */
	boolean anyReached(TokenFacts token, PublisherOutcome.Valid valid, Instant now) {
		return threshold(expiresAt(token, valid), now).isPresent()
				|| threshold(dataAccessExpiresAt(token, valid), now).isPresent();
	}

	private static Instant expiresAt(TokenFacts token, PublisherOutcome.Valid valid) {
		return valid.expiresAt() != null ? valid.expiresAt() : token.expiresAt();
	}

	private static Instant dataAccessExpiresAt(TokenFacts token, PublisherOutcome.Valid valid) {
		return valid.dataAccessExpiresAt() != null ? valid.dataAccessExpiresAt() : token.dataAccessExpiresAt();
	}

	private Optional<NewNotice> warning(NoticeAccount account, Instant expiry, String reason, Instant now) {
		return threshold(expiry, now).map(days -> NewNotice.expiringSoon(account, expiry, reason,
				"expiring:" + account.id() + ":" + reason + ":" + expiry.toEpochMilli() + ":" + days));
	}

	/** The nearest threshold (in days) that a future expiry has reached, if any. */
	private Optional<Integer> threshold(Instant expiry, Instant now) {
		if (expiry == null || !expiry.isAfter(now)) {
			return Optional.empty();
		}
		return this.settings.expiryWarningDays()
			.stream()
			.filter(days -> !expiry.minus(Duration.ofDays(days)).isAfter(now))
			.min(Comparator.naturalOrder());
	}

}
