package io.tokenwarden.health;

import io.tokenwarden.notifications.NewNotice;
import io.tokenwarden.notifications.NoticeAccount;
import io.tokenwarden.notifications.NoticeKind;
import io.tokenwarden.notifications.NotificationSettings;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.tokens.CheckFindings;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a check's answer means, decided without reading or writing anything: the token's facts, the account's
 * health and the publisher's answer go in, a {@link HealthDecision} comes out. Only an {@code Expired} answer
 * turns a valid token expired; unreachable and rate-limited answers change no status and send nothing until one
 * account has gone unverified for {@code unreachable-notice-after}, and never while the publisher is down. A
 * billing problem flags the account; the token stays valid. An answer the classifier could not read changes
 * nothing and sends nothing: its history says so, and the account shows it until a check reads an answer.
 */
@Component
class OutcomeRules {

	/** Who the token's history says changed its status. */
	static final String CHECKER = "health check";

	private final HealthSettings settings;

	private final NotificationSettings notificationSettings;

	private final ExpiryWarnings warnings;

	OutcomeRules(HealthSettings settings, NotificationSettings notificationSettings) {
		this.settings = settings;
		this.notificationSettings = notificationSettings;
		this.warnings = new ExpiryWarnings(notificationSettings);
	}

	/**
	 * The decision for one answer. {@code publisherDown}: the publisher counts as down for this answer (an
	 * outage found in its batch, or an open incident), so an unreachable account sends no notice of its own.
	 */
	HealthDecision decide(NoticeAccount account, TokenFacts token, AccountHealth health, CheckResult result,
			Instant now, boolean publisherDown) {
		HealthDecision decision = answer(account, token, health, result, now, publisherDown);
		return decision.withChanges(changes(account, token, health, decision));
	}

	/**
	 * What the decision tells other modules (the channels): the same news as the owner's notices, one per
	 * incident and one for its recovery; reminders are not news.
	 */
	private static List<AccountHealthChanged> changes(NoticeAccount account, TokenFacts token, AccountHealth before,
			HealthDecision decision) {
		List<AccountHealthChanged> changes = new ArrayList<>();
		Instant now = decision.checkedAt();
		for (NewNotice notice : decision.notices()) {
			if (notice.kind() == NoticeKind.EXPIRED && decision.tokenExpired()) {
				changes.add(change(AccountHealthChanged.HealthChange.EXPIRED, account, notice.reason(), now, null,
						notice.dedupeKey()));
			}
			else if (notice.kind() == NoticeKind.EXPIRING_SOON) {
				changes.add(change(AccountHealthChanged.HealthChange.EXPIRY_WARNING, account, notice.reason(), now,
						notice.expiresAt(), notice.dedupeKey()));
			}
			else if (notice.kind() == NoticeKind.FUNDING_SOURCE_INVALID) {
				changes.add(change(AccountHealthChanged.HealthChange.FUNDING_PROBLEM, account, null, now, null,
						notice.dedupeKey()));
			}
		}
		if (decision.outcome() == CheckOutcome.VALID) {
			if (token.status() == TokenStatus.EXPIRED) {
				Instant opened = since(before.expiryIncidentOpenedAt(), now);
				changes.add(change(AccountHealthChanged.HealthChange.RECOVERED, account, null, now, null,
						"recovered:expired:" + account.id() + ":" + opened.toEpochMilli()));
			}
			if (before.billingProblemSince() != null && decision.health().billingProblemSince() == null) {
				changes.add(change(AccountHealthChanged.HealthChange.RECOVERED, account, null, now, null,
						"recovered:funding:" + account.id() + ":" + before.billingProblemSince().toEpochMilli()));
			}
		}
		return changes;
	}

	private static AccountHealthChanged change(AccountHealthChanged.HealthChange change, NoticeAccount account, String reason,
			Instant at, Instant expiresAt, String key) {
		return new AccountHealthChanged(change, account.id(), account.publisher(), account.externalId(), account.name(),
				reason, at, expiresAt, key);
	}

	private HealthDecision answer(NoticeAccount account, TokenFacts token, AccountHealth health, CheckResult result,
			Instant now, boolean publisherDown) {
		PublisherOutcome outcome = result.outcome();
		Instant next = nextCheck(outcome, now);
		if (outcome instanceof PublisherOutcome.Valid valid) {
			return valid(account, token, health, valid, result.billingProblem(), now, next);
		}
		if (outcome instanceof PublisherOutcome.Expired expired) {
			return expired(account, token, health, expired, now, next);
		}
		if (outcome instanceof PublisherOutcome.Unreachable) {
			return unreachable(account, health, result, now, publisherDown, next);
		}
		if (outcome instanceof PublisherOutcome.FundingSourceInvalid funding) {
			List<NewNotice> notices = billingNotice(account, health, funding, now);
			AccountHealth after = verified(health, now, since(health.billingProblemSince(), now),
					health.permissionProblemSince());
			return new HealthDecision(now, CheckOutcome.FUNDING_SOURCE_INVALID, null, funding.evidence(), null, after, next,
					notices, false);
		}
		if (outcome instanceof PublisherOutcome.PermissionMissing missing) {
			AccountHealth after = verified(health, now, health.billingProblemSince(),
					since(health.permissionProblemSince(), now));
			return new HealthDecision(now, CheckOutcome.PERMISSION_MISSING, null, missing.evidence(), null, after, next,
					List.of(), false);
		}
		// unrecognised: not verified (nobody can say the token works) and not unreachable (the publisher
		// answered); rate-limited, misconfigured, refused: nothing said about the token either
		return new HealthDecision(now, CheckOutcome.of(outcome), null, outcome.evidence(), null, health, next, List.of(),
				false);
	}

	/**
	 * A valid answer that changes nothing but times: the token stays VALID, there is no billing problem
	 * and no expiry warning due. Most checks are this; {@link HealthStore#applyRoutine} records many of
	 * them in a few statements.
	 */
	boolean isRoutine(TokenFacts token, CheckResult result, Instant now) {
		return result.outcome() instanceof PublisherOutcome.Valid valid && token.status() == TokenStatus.VALID
				&& result.billingProblem() == null && !this.warnings.anyReached(token, valid, now);
	}

	/**
	 * The outage-401 storm (docs/publishers.md, "X errors": X has had outages that answered 401): an expiry that
	 * rests on a bare HTTP 401 is held as unreachable when as many accounts and as large a share of the batch as
	 * an outage get one at once, or while the publisher's incident is open. A user revoking the app is one
	 * account; most of a batch at the same moment is the publisher. Its token is checked again next round.
	 */
	List<PublisherOutcome> holdRefusalStorm(List<PublisherOutcome> outcomes, boolean incidentOpen) {
		long refused = outcomes.stream().filter(OutcomeRules::refusedWith401).count();
		boolean storm = outcomes.size() >= this.settings.outageMinAccounts()
				&& refused >= this.settings.outageShare() * outcomes.size();
		if (refused == 0 || (!storm && !incidentOpen)) {
			return outcomes;
		}
		String held = storm ? "held: " + refused + " of " + outcomes.size() + " tokens refused with a 401 at once"
				: "held: a 401 during an open incident";
		return outcomes.stream()
			.map(outcome -> refusedWith401(outcome)
					? (PublisherOutcome) new PublisherOutcome.Unreachable(outcome.evidence().withDetail(held)) : outcome)
			.toList();
	}

	private static boolean refusedWith401(PublisherOutcome outcome) {
		return outcome instanceof PublisherOutcome.Expired && Integer.valueOf(401).equals(outcome.evidence().httpStatus());
	}

	private HealthDecision valid(NoticeAccount account, TokenFacts token, AccountHealth health,
			PublisherOutcome.Valid valid, PublisherOutcome.FundingSourceInvalid billingProblem, Instant now,
			Instant next) {
		List<NewNotice> notices = new ArrayList<>(billingNotice(account, health, billingProblem, now));
		notices.addAll(this.warnings.due(account, token, valid, now));
		AccountHealth after = verified(health, now,
				billingProblem == null ? null : since(health.billingProblemSince(), now), null);
		CheckFindings findings = CheckFindings.checked(now, valid.expiresAt(), valid.dataAccessExpiresAt());
		if (token.status() == TokenStatus.EXPIRED) {
			findings = findings.withStatus(TokenStatus.VALID, null, CHECKER);
			after = expiryIncident(after, null, 0);
		}
		return new HealthDecision(now, CheckOutcome.VALID, null, valid.evidence(), findings, after, next, notices, false);
	}

	private HealthDecision expired(NoticeAccount account, TokenFacts token, AccountHealth health,
			PublisherOutcome.Expired expired, Instant now, Instant next) {
		String reason = expired.reason().name();
		CheckFindings findings = CheckFindings.checked(now, null, null);
		AccountHealth after = verified(health, now, health.billingProblemSince(), health.permissionProblemSince());
		boolean turnsExpired = token.status() == TokenStatus.VALID;
		List<NewNotice> notices = new ArrayList<>();
		if (turnsExpired || health.expiryIncidentOpenedAt() == null) {
			if (turnsExpired) {
				findings = findings.withStatus(TokenStatus.EXPIRED, reason, CHECKER);
			}
			after = expiryIncident(after, now, 0);
			notices.add(NewNotice.expired(account, reason, now, "expired:" + account.id() + ":" + now.toEpochMilli()));
		}
		else {
			Instant opened = health.expiryIncidentOpenedAt();
			int sent = health.remindersSent();
			if (!opened.plus(this.notificationSettings.reminderInterval().multipliedBy(sent + 1L)).isAfter(now)) {
				String remembered = token.statusReason() == null ? reason : token.statusReason();
				notices.add(NewNotice.expired(account, remembered, opened,
						"expired:" + account.id() + ":" + opened.toEpochMilli() + ":reminder:" + (sent + 1)));
				after = expiryIncident(after, opened, sent + 1);
			}
		}
		return new HealthDecision(now, CheckOutcome.EXPIRED, reason, expired.evidence(), findings, after, next, notices,
				turnsExpired);
	}

	private HealthDecision unreachable(NoticeAccount account, AccountHealth health, CheckResult result, Instant now,
			boolean publisherDown, Instant next) {
		Instant since = since(health.unreachableSince(), now);
		boolean notice = !publisherDown && !health.unreachableNoticed()
				&& !since.plus(this.settings.unreachableNoticeAfter()).isAfter(now);
		AccountHealth after = new AccountHealth(health.accountId(), health.lastVerifiedAt(), since,
				health.unreachableNoticed() || notice, health.billingProblemSince(), health.permissionProblemSince(),
				health.expiryIncidentOpenedAt(), health.remindersSent());
		List<NewNotice> notices = notice ? List.of(NewNotice.unreachable(account, health.lastVerifiedAt(),
				"unreachable:" + account.id() + ":" + since.toEpochMilli())) : List.of();
		return new HealthDecision(now, CheckOutcome.UNREACHABLE, null, result.outcome().evidence(), null, after, next,
				notices, false);
	}

	private static List<NewNotice> billingNotice(NoticeAccount account, AccountHealth health,
			PublisherOutcome.FundingSourceInvalid problem, Instant now) {
		if (problem == null || health.billingProblemSince() != null) {
			return List.of();
		}
		return List.of(NewNotice.fundingSourceInvalid(account, now, "funding:" + account.id() + ":" + now.toEpochMilli()));
	}

	/** The publisher answered about the token: it is verified, whatever the answer was. */
	private static AccountHealth verified(AccountHealth health, Instant now, Instant billingSince, Instant permissionSince) {
		return new AccountHealth(health.accountId(), now, null, false, billingSince, permissionSince,
				health.expiryIncidentOpenedAt(), health.remindersSent());
	}

	private static AccountHealth expiryIncident(AccountHealth health, Instant openedAt, int remindersSent) {
		return new AccountHealth(health.accountId(), health.lastVerifiedAt(), health.unreachableSince(),
				health.unreachableNoticed(), health.billingProblemSince(), health.permissionProblemSince(), openedAt,
				remindersSent);
	}

	private Instant nextCheck(PublisherOutcome outcome, Instant now) {
		Instant next = now.plus(this.settings.interval());
		if (outcome instanceof PublisherOutcome.RateLimited limited && limited.retryAt().isAfter(next)) {
			return limited.retryAt();
		}
		return next;
	}

	private static Instant since(Instant existing, Instant now) {
		return existing == null ? now : existing;
	}

}
