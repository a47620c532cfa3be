package io.tokenwarden.health;

import io.tokenwarden.notifications.NewNotice;
import io.tokenwarden.notifications.NoticeAccount;
import io.tokenwarden.notifications.NoticeKind;
import io.tokenwarden.notifications.NotificationSettings;
import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.ExpiryReason;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision a check's answer comes to, without Spring or a database: the token's facts, the account's health
 * and the publisher's answer in; the new status, the dates and the notices out.
 */
class OutcomeRulesTests {

	private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

	private static final NoticeAccount ACCOUNT = new NoticeAccount(42, Publisher.FACEBOOK, "1001", "Harbor Shop",
			"owner@shop.test");

	private static final Evidence SAID = Evidence.of(Publisher.FACEBOOK, "debug_token");

	private final OutcomeRules rules = new OutcomeRules(
			new HealthSettings(Duration.ofHours(1), Duration.ofHours(24), Duration.ofMinutes(1), 50, 4, 5, 0.8,
					Duration.ofMinutes(5), Duration.ofMinutes(5), true),
			new NotificationSettings(Duration.ofDays(3), List.of(7, 1), Duration.ofSeconds(5), 10, Duration.ofMinutes(1),
					Duration.ofHours(1), Duration.ofMinutes(5), 500, true));

	private static final TokenFacts VALID = new TokenFacts(TokenStatus.VALID, null, null, null);

	private static final TokenFacts EXPIRED = new TokenFacts(TokenStatus.EXPIRED, "PASSWORD_CHANGED", null, null);

	private static AccountHealth fresh() {
		return new AccountHealth(42, null, null, false, null, null, null, 0);
	}

	private HealthDecision decide(TokenFacts token, AccountHealth health, PublisherOutcome outcome) {
		return this.rules.decide(ACCOUNT, token, health, new CheckResult(outcome, null), NOW, false);
	}

	@Test
	void validWhenTheTokenWasValidThenOnlyTheTimesAreRecordedAndNothingIsSent() {
		Instant expiresAt = NOW.plus(Duration.ofDays(50));

		HealthDecision decision = decide(VALID, fresh(), new PublisherOutcome.Valid(expiresAt, null, Set.of(), SAID));

		assertThat(decision.outcome()).isEqualTo(CheckOutcome.VALID);
		assertThat(decision.token().checkedAt()).isEqualTo(NOW);
		assertThat(decision.token().expiresAt()).isEqualTo(expiresAt);
		assertThat(decision.token().status()).isNull();
		assertThat(decision.health().lastVerifiedAt()).isEqualTo(NOW);
		assertThat(decision.nextCheckAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
		assertThat(decision.notices()).isEmpty();
		assertThat(this.rules.isRoutine(VALID, new CheckResult(
				new PublisherOutcome.Valid(expiresAt, null, Set.of(), SAID), null), NOW)).isTrue();
	}

	@Test
	void validWhenTheTokenWasExpiredThenItIsValidAgainWithItsTimesAndTheIncidentEnds() {
		Instant expiresAt = NOW.plus(Duration.ofDays(50));
		AccountHealth incident = new AccountHealth(42, NOW.minus(Duration.ofDays(2)), null, false, null, null,
				NOW.minus(Duration.ofDays(2)), 1);

		HealthDecision decision = decide(EXPIRED, incident, new PublisherOutcome.Valid(expiresAt, null, Set.of(), SAID));

		assertThat(decision.token().status()).isEqualTo(TokenStatus.VALID);
		assertThat(decision.token().checkedAt()).isEqualTo(NOW);
		assertThat(decision.token().expiresAt()).isEqualTo(expiresAt);
		assertThat(decision.health().expiryIncidentOpenedAt()).isNull();
		assertThat(decision.health().remindersSent()).isZero();
		assertThat(decision.tokenExpired()).isFalse();
	}

	@Test
	void validWhenTheExpiryIsWithinAWarningThresholdThenOneExpiringSoonNoticeForTheNearestThreshold() {
		Instant expiresAt = NOW.plus(Duration.ofHours(20));
		PublisherOutcome.Valid valid = new PublisherOutcome.Valid(expiresAt, null, Set.of(), SAID);

		HealthDecision decision = decide(VALID, fresh(), valid);

		assertThat(decision.notices()).extracting(NewNotice::kind).containsExactly(NoticeKind.EXPIRING_SOON);
		assertThat(decision.notices().get(0).dedupeKey()).endsWith(":1");
		assertThat(decision.notices().get(0).recipient()).isEqualTo("owner@shop.test");
		assertThat(this.rules.isRoutine(VALID, new CheckResult(valid, null), NOW)).isFalse();
	}

	@Test
	void expiredWhenTheTokenWasValidThenItTurnsExpiredWithTheReasonOneNoticeAndAnAuditEvent() {
		HealthDecision decision = decide(VALID, fresh(),
				new PublisherOutcome.Expired(ExpiryReason.PASSWORD_CHANGED, SAID));

		assertThat(decision.outcome()).isEqualTo(CheckOutcome.EXPIRED);
		assertThat(decision.reason()).isEqualTo("PASSWORD_CHANGED");
		assertThat(decision.token().status()).isEqualTo(TokenStatus.EXPIRED);
		assertThat(decision.token().statusReason()).isEqualTo("PASSWORD_CHANGED");
		assertThat(decision.token().checkedAt()).isEqualTo(NOW);
		assertThat(decision.token().expiresAt()).as("the stored expiry stays").isNull();
		assertThat(decision.tokenExpired()).isTrue();
		assertThat(decision.health().expiryIncidentOpenedAt()).isEqualTo(NOW);
		assertThat(decision.health().lastVerifiedAt()).isEqualTo(NOW);
		assertThat(decision.notices()).extracting(NewNotice::kind).containsExactly(NoticeKind.EXPIRED);
	}

	@Test
	void expiredWhenAlreadyExpiredThenAReminderOnlyOnceItsIntervalHasPassed() {
		AccountHealth opened = new AccountHealth(42, NOW.minus(Duration.ofHours(1)), null, false, null, null,
				NOW.minus(Duration.ofDays(2)), 0);
		AccountHealth openedLongAgo = new AccountHealth(42, NOW.minus(Duration.ofHours(1)), null, false, null, null,
				NOW.minus(Duration.ofDays(3)), 0);
		PublisherOutcome.Expired expired = new PublisherOutcome.Expired(ExpiryReason.EXPIRED, SAID);

		HealthDecision soon = decide(EXPIRED, opened, expired);
		HealthDecision due = decide(EXPIRED, openedLongAgo, expired);

		assertThat(soon.notices()).isEmpty();
		assertThat(soon.token().status()).as("no new status").isNull();
		assertThat(soon.tokenExpired()).isFalse();
		assertThat(due.notices()).hasSize(1);
		assertThat(due.notices().get(0).reason()).as("the reason it expired for").isEqualTo("PASSWORD_CHANGED");
		assertThat(due.health().remindersSent()).isEqualTo(1);
		assertThat(due.health().expiryIncidentOpenedAt()).isEqualTo(NOW.minus(Duration.ofDays(3)));
	}

	@Test
	void fundingSourceInvalidThenTheTokenIsLeftAloneAndTheOwnerIsToldOnce() {
		PublisherOutcome.FundingSourceInvalid funding = new PublisherOutcome.FundingSourceInvalid("act_1", 3, null, SAID);

		HealthDecision first = decide(VALID, fresh(), funding);
		HealthDecision again = decide(VALID, first.health(), funding);

		assertThat(first.outcome()).isEqualTo(CheckOutcome.FUNDING_SOURCE_INVALID);
		assertThat(first.token()).isNull();
		assertThat(first.health().billingProblemSince()).isEqualTo(NOW);
		assertThat(first.notices()).extracting(NewNotice::kind).containsExactly(NoticeKind.FUNDING_SOURCE_INVALID);
		assertThat(again.notices()).isEmpty();
	}

	@Test
	void validWithABillingProblemOfItsAdAccountThenFlaggedAndTheTokenStaysValid() {
		PublisherOutcome.Valid valid = new PublisherOutcome.Valid(null, null, Set.of(), SAID);
		CheckResult result = new CheckResult(valid,
				new PublisherOutcome.FundingSourceInvalid("act_1", 3, null, SAID));

		HealthDecision decision = this.rules.decide(ACCOUNT, VALID, fresh(), result, NOW, false);

		assertThat(decision.token().status()).isNull();
		assertThat(decision.health().billingProblemSince()).isEqualTo(NOW);
		assertThat(decision.notices()).extracting(NewNotice::kind).containsExactly(NoticeKind.FUNDING_SOURCE_INVALID);
		assertThat(this.rules.isRoutine(VALID, result, NOW)).isFalse();
	}

	@Test
	void unreachableThenNoStatusNoTokenWriteAndANoticeOnlyOnceTheAccountWentUnverifiedLongEnough() {
		PublisherOutcome.Unreachable unreachable = new PublisherOutcome.Unreachable(SAID);
		AccountHealth sinceAnHour = new AccountHealth(42, NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)),
				false, null, null, null, 0);
		AccountHealth sinceADay = new AccountHealth(42, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofHours(24)),
				false, null, null, null, 0);

		HealthDecision first = decide(VALID, fresh(), unreachable);
		HealthDecision early = decide(VALID, sinceAnHour, unreachable);
		HealthDecision late = decide(VALID, sinceADay, unreachable);
		HealthDecision down = this.rules.decide(ACCOUNT, VALID, sinceADay, new CheckResult(unreachable, null), NOW, true);

		assertThat(first.token()).isNull();
		assertThat(first.health().unreachableSince()).isEqualTo(NOW);
		assertThat(first.health().lastVerifiedAt()).isNull();
		assertThat(early.notices()).isEmpty();
		assertThat(early.health().unreachableSince()).isEqualTo(NOW.minus(Duration.ofHours(1)));
		assertThat(late.notices()).extracting(NewNotice::kind).containsExactly(NoticeKind.UNREACHABLE);
		assertThat(late.health().unreachableNoticed()).isTrue();
		assertThat(decide(VALID, late.health(), unreachable).notices()).as("only once").isEmpty();
		assertThat(down.notices()).as("the publisher is down: no notice of its own").isEmpty();
		assertThat(down.health().unreachableNoticed()).isFalse();
	}

	@Test
	void rateLimitedThenNothingChangesAndTheNextCheckWaitsForTheRetryTime() {
		Instant retryAt = NOW.plus(Duration.ofHours(3));

		HealthDecision decision = decide(VALID, fresh(), new PublisherOutcome.RateLimited(retryAt, SAID));
		HealthDecision soon = decide(VALID, fresh(),
				new PublisherOutcome.RateLimited(NOW.plus(Duration.ofMinutes(5)), SAID));

		assertThat(decision.outcome()).isEqualTo(CheckOutcome.RATE_LIMITED);
		assertThat(decision.token()).isNull();
		assertThat(decision.health()).isEqualTo(fresh());
		assertThat(decision.notices()).isEmpty();
		assertThat(decision.nextCheckAt()).isEqualTo(retryAt);
		assertThat(soon.nextCheckAt()).as("never sooner than the interval").isEqualTo(NOW.plus(Duration.ofHours(1)));
	}

	@Test
	void unrecognisedThenNothingChangesNothingIsSentAndTheHistorySaysSo() {
		AccountHealth health = new AccountHealth(42, NOW.minus(Duration.ofHours(1)), null, false, null, null, null, 0);

		HealthDecision decision = decide(EXPIRED, health, new PublisherOutcome.Unrecognised(SAID));

		assertThat(decision.outcome()).isEqualTo(CheckOutcome.UNRECOGNISED);
		assertThat(decision.token()).isNull();
		assertThat(decision.health()).isEqualTo(health);
		assertThat(decision.notices()).isEmpty();
		assertThat(decision.tokenExpired()).isFalse();
	}

	@Test
	void permissionMissingThenFlaggedVerifiedAndTheTokenIsLeftAlone() {
		HealthDecision decision = decide(VALID, fresh(), new PublisherOutcome.PermissionMissing(SAID));

		assertThat(decision.token()).isNull();
		assertThat(decision.health().permissionProblemSince()).isEqualTo(NOW);
		assertThat(decision.health().lastVerifiedAt()).isEqualTo(NOW);
		assertThat(decision.notices()).isEmpty();
	}

	@Test
	void stormWhenMostOfABatchIsRefusedWithABare401ThenTheyAreHeldAsUnreachableAndExpireNobody() {
		Evidence bare401 = new Evidence(Publisher.X, 401, null, null, null, "users/me");
		List<PublisherOutcome> storm = List.of(new PublisherOutcome.Expired(ExpiryReason.APP_REMOVED, bare401),
				new PublisherOutcome.Expired(ExpiryReason.APP_REMOVED, bare401),
				new PublisherOutcome.Expired(ExpiryReason.APP_REMOVED, bare401),
				new PublisherOutcome.Expired(ExpiryReason.APP_REMOVED, bare401),
				new PublisherOutcome.Expired(ExpiryReason.APP_REMOVED, bare401));
		List<PublisherOutcome> one = List.of(new PublisherOutcome.Expired(ExpiryReason.APP_REMOVED, bare401));

		List<PublisherOutcome> held = this.rules.holdRefusalStorm(storm, false);

		assertThat(held).allMatch(PublisherOutcome.Unreachable.class::isInstance);
		assertThat(held.get(0).evidence().detail()).contains("5 of 5");
		HealthDecision decision = decide(VALID, fresh(), held.get(0));
		assertThat(decision.token()).isNull();
		assertThat(decision.tokenExpired()).isFalse();
		assertThat(this.rules.holdRefusalStorm(one, false)).isEqualTo(one);
		assertThat(this.rules.holdRefusalStorm(one, true)).allMatch(PublisherOutcome.Unreachable.class::isInstance);
	}

}
