package io.tokenwarden.health;

import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A check that changes a token's status keeps the figures the account page shows: when it was last checked and
 * until when it lasts (the status change once wrote a stale copy of the token over them: "Last checked: never").
 */
class StatusChangeFiguresTests extends HealthTestSupport {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	@Test
	void checkWhenAValidTokenTurnsOutExpiredThenThePageShowsWhenItWasCheckedAndItsExpiry() throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.refused(460));
		Instant expiresAt = this.clock.instant().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("update account_token set expires_at = ? where account_id = ?")
			.params(HealthStore.at(expiresAt), account.id())
			.update();
		WebSession admin = session("admin@demo.test");

		Instant before = this.clock.instant();
		admin.perform(post("/config/accounts/{id}/check", account.id()).with(csrf()));
		Instant after = this.clock.instant();

		assertThat(status(account)).isEqualTo("EXPIRED");
		String page = page(admin, "/config/accounts/" + account.id());
		// the test clock follows real time, so the check's minute is the one it started or ended in
		assertThat(shown(page, "Last checked")).isIn(SHOWN.format(before), SHOWN.format(after));
		assertThat(shown(page, "Expires")).startsWith(SHOWN.format(expiresAt));
	}

	@Test
	void checkWhenAnExpiredTokenWorksAgainThenThePageShowsWhenItWasCheckedAndTheExpiryThePublisherGave()
			throws Exception {
		Instant expiresAt = this.clock.instant().plus(Duration.ofDays(50)).truncatedTo(ChronoUnit.SECONDS);
		TestAccount account = account(Publisher.FACEBOOK, Answer.validUntil(expiresAt));
		this.tokens.changeStatus(account.id(), TokenStatus.EXPIRED, "PASSWORD_CHANGED", null, "test");
		WebSession admin = session("admin@demo.test");

		Instant before = this.clock.instant();
		admin.perform(post("/config/accounts/{id}/check", account.id()).with(csrf()));
		Instant after = this.clock.instant();

		assertThat(status(account)).isEqualTo("VALID");
		String page = page(admin, "/config/accounts/" + account.id());
		// the test clock follows real time, so the check's minute is the one it started or ended in
		assertThat(shown(page, "Last checked")).isIn(SHOWN.format(before), SHOWN.format(after));
		assertThat(shown(page, "Expires")).startsWith(SHOWN.format(expiresAt));
	}

	/** The text of the account page's figure under {@code label}. */
	private static String shown(String page, String label) {
		Matcher figure = Pattern.compile("<dt[^>]*>" + label + "</dt>\\s*<dd[^>]*>([^<]*)</dd>").matcher(page);
		assertThat(figure.find()).as("%s on the page", label).isTrue();
		return figure.group(1).trim();
	}

}
