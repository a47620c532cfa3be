package io.tokenwarden.health;

import io.tokenwarden.notifications.NewNotice;
import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.tokens.CheckFindings;

import java.time.Instant;
import java.util.List;

/**
 * What one check's answer comes to for its account, decided before anything is written ({@link OutcomeRules})
 * and then written at once ({@link HealthStore#apply}).
 *
 * @param checkedAt when the answer came
 * @param outcome the history's name for the answer, with its {@code reason} (an expiry's) and {@code evidence}
 * @param token what the token's row learns (checked when, lasts until when, a new status); null: nothing, the
 * row stays as it is
 * @param health the account's health after the check
 * @param nextCheckAt when the account is due again
 * @param notices the notices to send the account's owner (each admin who asked for copies gets one too)
 * @param tokenExpired whether this check turned a valid token expired (the audit log records it)
 */
record HealthDecision(Instant checkedAt, CheckOutcome outcome, String reason, Evidence evidence, CheckFindings token,
		AccountHealth health, Instant nextCheckAt, List<NewNotice> notices, boolean tokenExpired,
		List<AccountHealthChanged> changes) {

	HealthDecision {
		notices = List.copyOf(notices);
		changes = List.copyOf(changes);
	}

	/** A decision whose news is only in its notices (the changes for other modules are added by the rules). */
	HealthDecision(Instant checkedAt, CheckOutcome outcome, String reason, Evidence evidence, CheckFindings token,
			AccountHealth health, Instant nextCheckAt, List<NewNotice> notices, boolean tokenExpired) {
		this(checkedAt, outcome, reason, evidence, token, health, nextCheckAt, notices, tokenExpired, List.of());
	}

	HealthDecision withChanges(List<AccountHealthChanged> news) {
		return new HealthDecision(this.checkedAt, this.outcome, this.reason, this.evidence, this.token, this.health,
				this.nextCheckAt, this.notices, this.tokenExpired, news);
	}

}
