package io.tokenwarden.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.FlashMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An answer the classifier cannot read ({@code debug_token} with {@code {"data":[]}}, X's {@code /2/users/me}
 * answering a 200 HTML page) says nothing about the token nor about an outage: the token stays VALID, the account shows it in amber, nobody gets an email,
 * no incident opens, and the account is checked again at the next round.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnrecognisedAnswerTests extends HealthTestSupport {

	private static final String NOTE = "Couldn't read Facebook's answer";

	private static final String X_NOTE = "Couldn't read X's answer";

	@Test
	void roundWhenDebugTokenAnswersEmptyDataThenValidAmberNoteNoEmailNoIncidentAndCheckedAgainNextRound(
			CapturedOutput output) throws Exception {
		long agencyId = agencyOfDemoAdmin();
		List<TestAccount> mine = new ArrayList<>();
		// as many as would open an incident if they counted as unreachable
		for (int i = 0; i < 6; i++) {
			mine.add(account(Publisher.FACEBOOK, Answer.unrecognised(), agencyName(agencyId)));
		}
		mine.forEach(this::due);

		this.checks.runRound();
		this.notices.sendDueNow();

		Instant checkedAt = this.clock.instant();
		for (TestAccount account : mine) {
			assertThat(status(account)).isEqualTo("VALID");
			assertThat(checkOutcomes(account)).containsExactly("UNRECOGNISED");
			assertThat(noticeKinds(account.owner())).isEmpty();
			assertThat(mailTo(account.owner())).isEmpty();
			assertThat(nextCheckAt(account)).isAfter(checkedAt).isBeforeOrEqualTo(checkedAt.plus(Duration.ofHours(1)));
		}
		assertThat(this.checks.openIncidents()).noneMatch(incident -> incident.publisher() == Publisher.FACEBOOK);
		assertThat(this.round.breaker(Publisher.FACEBOOK).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		String list = page(session("admin@demo.test").inAgency(agencyId), "/config/accounts");
		assertThat(list).contains("unrecognised-marker d-block text-warning-emphasis", NOTE)
			.doesNotContain("can't be reached");
		assertThat(page(session("admin@demo.test").inAgency(agencyId), "/config/accounts/" + mine.get(0).id()))
			.contains("unrecognised-answer", NOTE + " at the last check", "Couldn't read the answer");
		assertThat(output.getAll()).contains("Couldn't read Facebook's answer (debug_token answer with empty data): HTTP 200")
			.contains("keys [data]");
		for (TestAccount account : mine) {
			assertThat(output.getAll()).doesNotContain(account.token());
		}

		// the next round asks again, unprompted; once Facebook answers readably, the note goes
		this.clock.advance(Duration.ofHours(1).plusMinutes(1));
		imitation.answer(mine.get(0).token(), Answer.valid());
		this.checks.runRound();

		assertThat(imitation.inspections(mine.get(1).token())).isEqualTo(2);
		assertThat(checkOutcomes(mine.get(1))).containsExactly("UNRECOGNISED", "UNRECOGNISED");
		assertThat(checkOutcomes(mine.get(0))).containsExactly("UNRECOGNISED", "VALID");
		assertThat(page(session("admin@demo.test").inAgency(agencyId), "/config/accounts/" + mine.get(0).id()))
			.doesNotContain("unrecognised-answer");
		assertThat(this.checks.openIncidents()).noneMatch(incident -> incident.publisher() == Publisher.FACEBOOK);
	}

	@Test
	void roundWhenXUsersMeAnswers200HtmlThenValidAmberNoteNamingXNoEmailNoIncidentAndLoggedWithoutTheBody(
			CapturedOutput output) throws Exception {
		long agencyId = agencyOfDemoAdmin();
		List<TestAccount> mine = new ArrayList<>();
		// as many as open an X incident when they count as unreachable (UnreachableTests)
		for (int i = 0; i < 6; i++) {
			mine.add(account(Publisher.X, Answer.unrecognised(), agencyName(agencyId)));
		}
		mine.forEach(this::due);

		this.checks.runRound();
		this.notices.sendDueNow();

		Instant checkedAt = this.clock.instant();
		for (TestAccount account : mine) {
			assertThat(imitation.inspections(account.token())).isEqualTo(1);
			assertThat(status(account)).isEqualTo("VALID");
			assertThat(checkOutcomes(account)).containsExactly("UNRECOGNISED");
			assertThat(noticeKinds(account.owner())).isEmpty();
			assertThat(mailTo(account.owner())).isEmpty();
			assertThat(nextCheckAt(account)).isAfter(checkedAt).isBeforeOrEqualTo(checkedAt.plus(Duration.ofHours(1)));
		}
		assertThat(this.checks.openIncidents()).noneMatch(incident -> incident.publisher() == Publisher.X);
		assertThat(this.round.breaker(Publisher.X).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		String list = page(session("admin@demo.test").inAgency(agencyId), "/config/accounts");
		assertThat(list).contains("unrecognised-marker d-block text-warning-emphasis", X_NOTE)
			.doesNotContain(NOTE, "can't be reached");
		assertThat(page(session("admin@demo.test").inAgency(agencyId), "/config/accounts/" + mine.get(0).id()))
			.contains("unrecognised-answer", X_NOTE + " at the last check", "Couldn't read the answer");
		assertThat(output.getAll()).contains("Couldn't read X's answer (HTML body): HTTP 200, text/html; charset=utf-8")
			.doesNotContain("Something went wrong");
		for (TestAccount account : mine) {
			assertThat(output.getAll()).doesNotContain(account.token());
		}
	}

	@Test
	void checkNowWhenTheAnswerCannotBeReadThenAWarningAndTheTokenStaysValid() throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.unrecognised());

		MvcResult result = session("admin@demo.test").perform(post("/config/accounts/{id}/check", account.id()).with(csrf()));

		assertThat(FlashMessages.warning(result)).isEqualTo("health.checked.UNRECOGNISED");
		assertThat(status(account)).isEqualTo("VALID");
		assertThat(noticeKinds(account.owner())).isEmpty();
	}

}
