package io.tokenwarden.health;

import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.publishers.Publisher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A claimed account whose token cannot be sent: it is never sent, says why, and waits like the others. */
class UnusableTokenTests extends HealthTestSupport {

	@Test
	void roundWhenAStoredTokenCannotBeDecryptedThenItIsNotSentTheHistorySaysWhyAndItWaitsForTheNextInterval() {
		TestAccount broken = account(Publisher.FACEBOOK, Answer.valid());
		TestAccount fine = account(Publisher.FACEBOOK, Answer.valid());
		this.jdbc.sql("update account_token set access_token_ciphertext = decode('0011223344556677', 'hex') where account_id = ?")
			.param(broken.id())
			.update();
		due(broken, fine);
		Instant now = this.clock.instant();

		this.checks.runRound();

		assertThat(imitation.inspections(broken.token())).isZero();
		assertThat(checkOutcomes(broken)).containsExactly("MISCONFIGURED");
		assertThat(this.checks.history(broken.id()).get(0).detail()).contains("cannot be decrypted");
		assertThat(nextCheckAt(broken)).isAfter(now.plus(Duration.ofMinutes(59)));
		assertThat(claimedUntil(broken)).isNull();
		assertThat(status(broken)).isEqualTo("VALID");
		assertThat(checkOutcomes(fine)).containsExactly("VALID");
	}

	private Instant claimedUntil(TestAccount account) {
		return this.jdbc.sql("select claimed_until from account_health where account_id = ?")
			.param(account.id())
			.query((rs, n) -> HealthStore.instant(rs, "claimed_until"))
			.list()
			.get(0);
	}

}
