package io.tokenwarden.health;

import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.WebSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Check all now" while a publisher is in an outage asks it at once (its probe had just gone out, so the next one
 * would be minutes away) and the page says what it found.
 */
class CheckAllDuringOutageTests extends HealthTestSupport {

	@Test
	void checkAllWhenFacebookIsInAnOutageAndStillDownThenItIsAskedAtOnceAndThePageSaysItStillCannotBeReached()
			throws Exception {
		long agencyId = agencyOfDemoAdmin();
		TestAccount account = account(Publisher.FACEBOOK, Answer.serverError(), agencyName(agencyId));
		facebookOutageJustProbed();
		WebSession admin = session("admin@demo.test").inAgency(agencyId);
		page(admin, "/config/accounts");

		admin.perform(post("/config/accounts/checks").with(csrf()));

		assertThat(imitation.inspections(account.token())).isEqualTo(1);
		assertThat(page(admin, "/config/accounts")).contains("Facebook still can't be reached: Token Warden asked it just now");
		assertThat(this.checks.openIncidents()).anyMatch(incident -> incident.publisher() == Publisher.FACEBOOK);
		assertThat(checkOutcomes(account)).containsExactly("UNREACHABLE");
	}

	@Test
	void checkAllWhenFacebookIsInAnOutageAndAnswersAgainThenTheOutageEndsAndEveryAccountOfTheAgencyIsChecked()
			throws Exception {
		long agencyId = agencyOfDemoAdmin();
		String agency = agencyName(agencyId);
		List<TestAccount> mine = List.of(account(Publisher.FACEBOOK, Answer.valid(), agency),
				account(Publisher.FACEBOOK, Answer.refused(460), agency), account(Publisher.FACEBOOK, Answer.valid(), agency));
		facebookOutageJustProbed();
		WebSession admin = session("admin@demo.test").inAgency(agencyId);
		page(admin, "/config/accounts");

		admin.perform(post("/config/accounts/checks").with(csrf()));

		assertThat(this.checks.openIncidents()).noneMatch(incident -> incident.publisher() == Publisher.FACEBOOK);
		assertThat(page(admin, "/config/accounts"))
			.contains("Facebook answers again, so its outage is over. Checking 3 accounts of this agency now.")
			.doesNotContain("can't be reached");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> mine.forEach(a -> assertThat(checkOutcomes(a)).as(a.name()).isNotEmpty()));
		assertThat(status(mine.get(1))).isEqualTo("EXPIRED");
		assertThat(status(mine.get(0))).isEqualTo("VALID");
	}

	/** Facebook's incident is open, its breaker too, and its probe went out a moment ago. */
	private void facebookOutageJustProbed() {
		this.jdbc.sql("""
				insert into publisher_incident (publisher, opened_at, last_probe_at, detail)
				values ('FACEBOOK', ?, ?, 'an outage for the test')""")
			.params(HealthStore.at(this.clock.instant().minus(Duration.ofMinutes(30))),
					HealthStore.at(this.clock.instant()))
			.update();
		this.round.breaker(Publisher.FACEBOOK).transitionToOpenState();
	}

}
