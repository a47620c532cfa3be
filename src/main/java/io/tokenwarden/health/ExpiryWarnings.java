package io.tokenwarden.health;

import io.tokenwarden.notifications.NewNotice;
import io.tokenwarden.notifications.NoticeAccount;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.notifications.NotificationSettings;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.tokens.AccountToken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Warnings before a known expiry ({@code tokenwarden.notifications.expiry-warning-days}, 7 and 1 by
 * default): one notice per threshold, the nearest one that has been reached. X's OAuth 1.0a tokens have
 * no expiry date, so they get none.
 */
@Component
class ExpiryWarnings {

	private final Notices notices;

	private final NotificationSettings settings;

	private final ApplicationEventPublisher events;

	ExpiryWarnings(Notices notices, NotificationSettings settings, ApplicationEventPublisher events) {
		this.notices = notices;
		this.settings = settings;
		this.events = events;
	}

	void check(NoticeAccount account, AccountToken token, PublisherOutcome.Valid valid, Instant now) {
		Instant expiresAt = valid.expiresAt() != null ? valid.expiresAt() : token.expiresAt();
		Instant dataAccessExpiresAt = valid.dataAccessExpiresAt() != null ? valid.dataAccessExpiresAt()
				: token.dataAccessExpiresAt();
		warn(account, expiresAt, "EXPIRED", now);
		warn(account, dataAccessExpiresAt, "DATA_ACCESS_EXPIRED", now);
	}

	/** Whether {@link #check} would find a threshold reached (else the check may skip it). */
	boolean anyReached(AccountToken token, PublisherOutcome.Valid valid, Instant now) {
		Instant expiresAt = valid.expiresAt() != null ? valid.expiresAt() : token.expiresAt();
		Instant dataAccessExpiresAt = valid.dataAccessExpiresAt() != null ? valid.dataAccessExpiresAt()
				: token.dataAccessExpiresAt();
		return threshold(expiresAt, now).isPresent() || threshold(dataAccessExpiresAt, now).isPresent();
	}

	private void warn(NoticeAccount account, Instant expiry, String reason, Instant now) {
		threshold(expiry, now).ifPresent(days -> {
			NewNotice notice = NewNotice.expiringSoon(account, expiry, reason,
					"expiring:" + account.id() + ":" + reason + ":" + expiry.toEpochMilli() + ":" + days);
			if (this.notices.enqueue(notice)) {
				this.events.publishEvent(new AccountHealthChanged(AccountHealthChanged.Change.EXPIRY_WARNING,
						account.id(), account.publisher(), account.externalId(), account.name(), reason, now, expiry,
						notice.dedupeKey()));
			}
			this.notices.adminCopyRecipients(account.id()).forEach(admin -> this.notices.enqueue(notice.copyTo(admin)));
		});
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
