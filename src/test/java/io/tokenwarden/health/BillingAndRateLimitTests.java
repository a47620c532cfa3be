package io.tokenwarden.health;

import io.tokenwarden.accounts.SeenAsset;
import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.publishers.Publisher;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers about something else than the token: an ad account that cannot pay, and a publisher's throttle. */
class BillingAndRateLimitTests extends HealthTestSupport {

	@Test
	void roundWhenAnAdAccountsFundingSourceIsInvalidThenABillingEmailOnlyAndTheTokenStaysValid() throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.valid());
		String adAccount = "act_" + (700_000_000L + account.id());
		this.data.seenBefore(account.id(), List.of(new SeenAsset("AD_ACCOUNT", adAccount, "Main ads", List.of("MANAGE")),
				new SeenAsset("PAGE", "1" + account.id(), "Main page", List.of("MANAGE"))));
		imitation.adAccount(adAccount, 3);
		due(account);

		this.checks.runRound();
		this.notices.sendDueNow();
		due(account);
		this.checks.runRound();
		this.notices.sendDueNow();

		assertThat(status(account)).isEqualTo("VALID");
		assertThat(noticeKinds(account.owner())).containsExactly("FUNDING_SOURCE_INVALID");
		List<MimeMessage> mails = mailTo(account.owner());
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("Action needed: the funding source of your ad account is invalid");
		assertThat(text(mails.get(0))).contains("Facebook Business Manager")
			.contains("This is about billing only: the account's connection to Facebook works.")
			.doesNotContainIgnoringCase("expired");
		assertThat(page(session("admin@demo.test"), "/config/accounts/" + account.id()))
			.contains("an ad account's funding source is invalid");
	}

	@Test
	void roundWhenFacebookThrottlesThenNoStatusChangeAndTheNextCheckWaitsForTheRetryTime() {
		TestAccount account = account(Publisher.FACEBOOK, Answer.throttledFor(180));
		Instant retryAt = this.clock.instant().plus(Duration.ofMinutes(180));
		due(account);

		this.checks.runRound();

		assertThat(status(account)).isEqualTo("VALID");
		assertThat(checkOutcomes(account)).containsExactly("RATE_LIMITED");
		assertThat(nextCheckAt(account)).isAfterOrEqualTo(retryAt.truncatedTo(ChronoUnit.SECONDS));
		assertThat(noticeKinds(account.owner())).isEmpty();

		// past the check interval (one hour), before the retry time: not checked
		this.clock.advance(Duration.ofMinutes(90));
		this.checks.runRound();
		assertThat(imitation.inspections(account.token())).isEqualTo(1);

		imitation.answer(account.token(), Answer.valid());
		this.clock.advance(Duration.ofMinutes(91));
		this.checks.runRound();
		assertThat(imitation.inspections(account.token())).isEqualTo(2);
		assertThat(checkOutcomes(account)).containsExactly("RATE_LIMITED", "VALID");
	}

	@Test
	void roundWhenFacebookThrottlesMostOfABatchThenNoOtherFacebookCheckGoesOutBeforeTheRetryTime() {
		// a whole batch of them, so that other tests' due accounts cannot dilute it
		List<TestAccount> throttled = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			throttled.add(account(Publisher.FACEBOOK, Answer.throttledFor(30)));
		}
		throttled.forEach(this::due);
		this.checks.runRound();
		throttled.forEach(account -> assertThat(checkOutcomes(account)).containsExactly("RATE_LIMITED"));

		TestAccount waiting = account(Publisher.FACEBOOK, Answer.valid());
		TestAccount otherPublisher = account(Publisher.X, Answer.valid());
		due(waiting, otherPublisher);
		this.clock.advance(Duration.ofMinutes(1));
		this.checks.runRound();

		assertThat(imitation.inspections(waiting.token())).as("Facebook waits").isZero();
		assertThat(checkOutcomes(otherPublisher)).as("X does not").containsExactly("VALID");

		this.clock.advance(Duration.ofMinutes(30));
		this.checks.runRound();
		assertThat(checkOutcomes(waiting)).containsExactly("VALID");
	}

	@Test
	void roundWhenXAnswers429ThenNoStatusChangeAndTheNextCheckIsNotBeforeTheRateLimitReset() {
		Instant reset = this.clock.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
		TestAccount account = account(Publisher.X, Answer.throttledUntil(reset));
		due(account);

		this.checks.runRound();

		assertThat(status(account)).isEqualTo("VALID");
		assertThat(checkOutcomes(account)).containsExactly("RATE_LIMITED");
		assertThat(nextCheckAt(account)).isAfterOrEqualTo(reset);
		assertThat(noticeKinds(account.owner())).isEmpty();
		this.clock.advance(Duration.ofHours(2));
		this.checks.runRound();
		assertThat(imitation.inspections(account.token())).isEqualTo(1);
	}

}
