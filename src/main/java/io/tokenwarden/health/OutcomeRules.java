package io.tokenwarden.health;

import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.notifications.NewNotice;
import io.tokenwarden.notifications.NoticeAccount;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.notifications.NotificationSettings;
import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.tokens.AccountToken;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.CheckedToken;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a check's outcome does, in one transaction with its notices. Only an {@code Expired} outcome
 * turns a valid token expired; unreachable and rate-limited answers change no status and send nothing
 * until one account has gone unverified for {@code unreachable-notice-after}, and never during a
 * publisher-wide incident. A billing problem flags the account; the token stays valid. An answer the
 * classifier could not read changes nothing and sends nothing: its history says so, and the account
 * shows it until the next check reads an answer.
 */
@Component
class OutcomeRules {

	static final String CHECKER = "health check";

	private final HealthStore store;

	private final AccountTokens tokens;

	private final Notices notices;

	private final ExpiryWarnings warnings;

	private final AuditLog auditLog;

	private final HealthSettings settings;

	private final NotificationSettings notificationSettings;

	private final ApplicationEventPublisher events;

	OutcomeRules(HealthStore store, AccountTokens tokens, Notices notices, ExpiryWarnings warnings, AuditLog auditLog,
			HealthSettings settings, NotificationSettings notificationSettings, ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.tokens = tokens;
		this.notices = notices;
		this.warnings = warnings;
		this.auditLog = auditLog;
		this.settings = settings;
		this.notificationSettings = notificationSettings;
	}

	@Transactional
	void apply(PublisherAccount account, AccountToken token, CheckResult result, Instant now, boolean publisherIncident) {
		long id = account.id();
		AccountHealth health = this.store.find(id).orElseThrow();
		PublisherOutcome outcome = result.outcome();
		AccountToken current = this.tokens.lock(id).orElse(null);
		if (current == null || current.version() != token.version()) {
			// refreshed or invalidated while the publisher was asked: this answer is about a token
			// that is no longer the account's, so it changes nothing; the account is checked again soon
			this.store.release(id, now.plus(this.settings.probeInterval()));
			return;
		}
		if (outcome instanceof PublisherOutcome.Valid valid) {
			this.store.verified(id, now);
			this.store.recordCheck(id, now, CheckOutcome.VALID, null, valid.evidence());
			this.tokens.recordCheck(id, now, valid.expiresAt(), valid.dataAccessExpiresAt());
			if (token.status() == TokenStatus.EXPIRED) {
				this.tokens.changeStatus(id, TokenStatus.VALID, null, null, CHECKER);
				this.store.expiryIncident(id, null, 0);
				Instant opened = since(health.expiryIncidentOpenedAt(), now);
				publish(AccountHealthChanged.Change.RECOVERED, account, null, now, null,
						"recovered:expired:" + id + ":" + opened.toEpochMilli());
			}
			if (health.billingProblemSince() != null && result.billingProblem() == null) {
				publish(AccountHealthChanged.Change.RECOVERED, account, null, now, null,
						"recovered:funding:" + id + ":" + health.billingProblemSince().toEpochMilli());
			}
			billing(account, health, result.billingProblem(), now);
			this.store.problems(id, result.billingProblem() == null ? null : since(health.billingProblemSince(), now), null);
			this.warnings.check(notice(account), token, valid, now);
		}
		else if (outcome instanceof PublisherOutcome.Expired expired) {
			this.store.verified(id, now);
			this.store.recordCheck(id, now, CheckOutcome.EXPIRED, expired.reason().name(), expired.evidence());
			this.tokens.recordCheck(id, now, null, null);
			expired(account, token, health, expired, now);
		}
		else if (outcome instanceof PublisherOutcome.Unreachable unreachable) {
			this.store.recordCheck(id, now, CheckOutcome.UNREACHABLE, null, unreachable.evidence());
			Instant since = this.store.unreachable(id, now);
			if (!publisherIncident && !health.unreachableNoticed()
					&& !since.plus(this.settings.unreachableNoticeAfter()).isAfter(now)) {
				enqueueForOwnerAndAdmins(NewNotice.unreachable(notice(account), health.lastVerifiedAt(),
						"unreachable:" + id + ":" + since.toEpochMilli()));
				this.store.unreachableNoticed(id);
			}
		}
		else if (outcome instanceof PublisherOutcome.FundingSourceInvalid funding) {
			this.store.verified(id, now);
			this.store.recordCheck(id, now, CheckOutcome.FUNDING_SOURCE_INVALID, null, funding.evidence());
			billing(account, health, funding, now);
			this.store.problems(id, since(health.billingProblemSince(), now), health.permissionProblemSince());
		}
		else if (outcome instanceof PublisherOutcome.Unrecognised unrecognised) {
			// not verified (nobody can say the token works) and not unreachable (the publisher answered)
			this.store.recordCheck(id, now, CheckOutcome.UNRECOGNISED, null, unrecognised.evidence());
		}
		else if (outcome instanceof PublisherOutcome.PermissionMissing missing) {
			this.store.verified(id, now);
			this.store.recordCheck(id, now, CheckOutcome.PERMISSION_MISSING, null, missing.evidence());
			this.store.problems(id, health.billingProblemSince(), since(health.permissionProblemSince(), now));
		}
		else {
			this.store.recordCheck(id, now, kind(outcome), null, outcome.evidence());
		}
		this.store.release(id, nextCheck(outcome, now));
	}

	/**
	 * A valid answer that changes nothing but times: the token stays VALID, there is no billing problem
	 * and no expiry warning due. Most checks are this; {@link #applyRoutine}
	 * records many of them in a few statements.
	 */
	boolean isRoutine(AccountToken token, CheckResult result, Instant now) {
		return result.outcome() instanceof PublisherOutcome.Valid valid && token.status() == TokenStatus.VALID && result.billingProblem() == null
				&& !this.warnings.anyReached(token, valid, now);
	}

	/** What {@link #apply} does for routine valid answers (see {@link #isRoutine}), for many in one transaction. */
	@Transactional
	void applyRoutine(Map<Long, PublisherOutcome.Valid> answers, Instant now) {
		Map<Long, Evidence> evidence = new LinkedHashMap<>();
		answers.forEach((id, valid) -> evidence.put(id, valid.evidence()));
		this.store.verifiedAll(evidence, now, now.plus(this.settings.interval()));
		this.tokens.recordChecks(now, answers.entrySet()
			.stream()
			.map(e -> new CheckedToken(e.getKey(), e.getValue().expiresAt(), e.getValue().dataAccessExpiresAt()))
			.toList());
	}

	/**
	 * A claimed account that was not sent to its publisher: its token cannot be decrypted ({@code why}
	 * says so, in its history), or it has none any more. It waits for the next interval either way.
	 */
	@Transactional
	void notChecked(long accountId, Instant now, Evidence why) {
		if (why != null) {
			this.store.recordCheck(accountId, now, CheckOutcome.MISCONFIGURED, null, why);
		}
		this.store.release(accountId, now.plus(this.settings.interval()));
	}

	private void expired(PublisherAccount account, AccountToken token, AccountHealth health,
			PublisherOutcome.Expired expired, Instant now) {
		long id = account.id();
		if (token.status() == TokenStatus.VALID || health.expiryIncidentOpenedAt() == null) {
			if (token.status() == TokenStatus.VALID) {
				this.tokens.changeStatus(id, TokenStatus.EXPIRED, expired.reason().name(), null, CHECKER);
				this.auditLog.record("token_expired", CHECKER, null, id, expired.evidence().toString(), null);
			}
			this.store.expiryIncident(id, now, 0);
			enqueueForOwnerAndAdmins(NewNotice.expired(notice(account), expired.reason().name(), now,
					"expired:" + id + ":" + now.toEpochMilli()));
			publish(AccountHealthChanged.Change.EXPIRED, account, expired.reason().name(), now, null,
					"expired:" + id + ":" + now.toEpochMilli());
			return;
		}
		Instant opened = health.expiryIncidentOpenedAt();
		int sent = health.remindersSent();
		if (!opened.plus(this.notificationSettings.reminderInterval().multipliedBy(sent + 1L)).isAfter(now)) {
			String reason = token.statusReason() == null ? expired.reason().name() : token.statusReason();
			enqueueForOwnerAndAdmins(NewNotice.expired(notice(account), reason, opened,
					"expired:" + id + ":" + opened.toEpochMilli() + ":reminder:" + (sent + 1)));
			this.store.expiryIncident(id, opened, sent + 1);
		}
	}

	private void billing(PublisherAccount account, AccountHealth health, PublisherOutcome.FundingSourceInvalid problem,
			Instant now) {
		if (problem != null && health.billingProblemSince() == null) {
			enqueueForOwnerAndAdmins(NewNotice.fundingSourceInvalid(notice(account), now,
					"funding:" + account.id() + ":" + now.toEpochMilli()));
			publish(AccountHealthChanged.Change.FUNDING_PROBLEM, account, null, now, null,
					"funding:" + account.id() + ":" + now.toEpochMilli());
		}
	}

	/** Tells other modules (the channels) what the notices just told the owner; joins this transaction. */
	private void publish(AccountHealthChanged.Change change, PublisherAccount account, String reason, Instant at,
			Instant expiresAt, String key) {
		this.events.publishEvent(new AccountHealthChanged(change, account.id(), account.publisher(),
				account.externalId(), account.name(), reason, at, expiresAt, key));
	}

	void enqueueForOwnerAndAdmins(NewNotice notice) {
		this.notices.enqueue(notice);
		for (String admin : this.notices.adminCopyRecipients(notice.account().id())) {
			this.notices.enqueue(notice.copyTo(admin));
		}
	}

	private Instant nextCheck(PublisherOutcome outcome, Instant now) {
		Instant next = now.plus(this.settings.interval());
		if (outcome instanceof PublisherOutcome.RateLimited limited && limited.retryAt().isAfter(next)) {
			return limited.retryAt();
		}
		return next;
	}

	static NoticeAccount notice(PublisherAccount account) {
		return new NoticeAccount(account.id(), account.publisher(), account.externalId(), account.name(),
				account.ownerEmail());
	}

	private static Instant since(Instant existing, Instant now) {
		return existing == null ? now : existing;
	}

	private static CheckOutcome kind(PublisherOutcome outcome) {
		if (outcome instanceof PublisherOutcome.RateLimited) {
			return CheckOutcome.RATE_LIMITED;
		}
		if (outcome instanceof PublisherOutcome.Misconfigured) {
			return CheckOutcome.MISCONFIGURED;
		}
		return CheckOutcome.REFUSED;
	}


}
