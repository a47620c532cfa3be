package io.tokenwarden.health;

import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** "Check now" on one account, "Check all now" for an agency, and the check history on the account page. */
class CheckNowTests extends HealthTestSupport {

	@Test
	void checkNowWhenAdminAndTheTokenWorksThenTheOutcomeIsShownOnTheAccountPage() throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.valid());
		WebSession admin = session("admin@demo.test");

		MvcResult result = admin.perform(post("/config/accounts/{id}/check", account.id()).with(csrf()));

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts/" + account.id());
		assertThat(page(admin, "/config/accounts/" + account.id())).contains("Checked " + account.name() + ": the token works.");
		assertThat(imitation.inspections(account.token())).isEqualTo(1);
		assertThat(checkOutcomes(account)).containsExactly("VALID");
	}

	@Test
	void checkNowWhenTheTokenIsDeadThenItIsExpiredAndTheErrorSaysSo() throws Exception {
		TestAccount account = account(Publisher.X, Answer.refused(0));
		WebSession admin = session("admin@demo.test");

		admin.perform(post("/config/accounts/{id}/check", account.id()).with(csrf()));

		assertThat(page(admin, "/config/accounts/" + account.id()))
			.contains("Checked " + account.name() + ": the token is no longer valid. Refresh it to reconnect the account.");
		assertThat(status(account)).isEqualTo("EXPIRED");
	}

	@Test
	void checkNowWhenManagerOrViewerThenForbiddenAndNothingIsChecked() throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.valid());

		for (String user : List.of("manager@demo.test", "viewer@demo.test")) {
			MvcResult result = session(user).perform(post("/config/accounts/{id}/check", account.id()).with(csrf()));
			assertThat(result.getResponse().getStatus()).as(user).isEqualTo(403);
			MvcResult all = session(user).perform(post("/config/accounts/checks").with(csrf()));
			assertThat(all.getResponse().getStatus()).as(user).isEqualTo(403);
		}
		assertThat(imitation.inspections(account.token())).isZero();
		assertThat(checkOutcomes(account)).isEmpty();
	}

	@Test
	void checkNowWhenTheAccountIsNotLinkedToTheAdminsAgenciesThenNotFound() throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.valid(), "Fabrikam Partners");

		MvcResult result = session("admin@demo.test").perform(post("/config/accounts/{id}/check", account.id()).with(csrf()));

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(imitation.inspections(account.token())).isZero();
	}

	@Test
	void checkNowWhenTheTokenIsInvalidatedThenItIsNotCheckedAndThePageSaysWhy() throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.valid());
		invalidate(account);
		WebSession admin = session("admin@demo.test");

		admin.perform(post("/config/accounts/{id}/check", account.id()).with(csrf()));

		assertThat(page(admin, "/config/accounts/" + account.id()))
			.contains(account.name() + ": the token was invalidated, so it is not checked.");
		assertThat(imitation.inspections(account.token())).isZero();
		assertThat(checkOutcomes(account)).isEmpty();
	}

	@Test
	void checkAllWhenAdminThenProgressShowsWhileItRunsAndEveryAccountButTheInvalidatedIsChecked() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		String agency = agencyName(agencyId);
		List<TestAccount> checkable = List.of(account(Publisher.FACEBOOK, Answer.valid(), agency),
				account(Publisher.FACEBOOK, Answer.refused(460), agency), account(Publisher.FACEBOOK, Answer.serverError(), agency),
				account(Publisher.FACEBOOK, Answer.throttledFor(120), agency), account(Publisher.X, Answer.valid(), agency));
		TestAccount invalidated = account(Publisher.FACEBOOK, Answer.valid(), agency);
		invalidate(invalidated);
		WebSession admin = session("admin@demo.test").inAgency(agencyId);
		page(admin, "/config/accounts");
		imitation.hold();

		MvcResult result = admin.perform(post("/config/accounts/checks").with(csrf()));

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts");
		String running = page(admin, "/config/accounts");
		assertThat(running).contains("Checking 5 accounts of this agency now.")
			.contains("Checking tokens: 0 of 5 checked…");
		imitation.release();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> checkable.forEach(a -> assertThat(checkOutcomes(a)).as(a.name()).hasSize(1)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(page(admin, "/config/accounts")).doesNotContain("Checking tokens"));
		assertThat(checkOutcomes(checkable.get(1))).containsExactly("EXPIRED");
		assertThat(imitation.inspections(invalidated.token())).isZero();
		assertThat(checkOutcomes(invalidated)).isEmpty();
	}

	@Test
	void accountPageWhenCheckedThenShowsTheHistoryAsChartDataAndAsATable() throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.valid());
		due(account);
		this.checks.runRound();
		imitation.answer(account.token(), Answer.serverError());
		due(account);
		this.checks.runRound();
		due(account);
		this.checks.runRound();

		String html = session("admin@demo.test").perform(get("/config/accounts/{id}", account.id())).getResponse()
			.getContentAsString();

		Matcher chart = Pattern.compile("<canvas id=\"health-chart\"[^>]* data-chart=\"([^\"]*)\"").matcher(html);
		assertThat(chart.find()).as("the chart's canvas in %s", html).isTrue();
		JsonNode data = JsonMapper.builder().build().readTree(HtmlUtils.htmlUnescape(chart.group(1)));
		String today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toString();
		assertThat(data.get("days")).hasSize(30);
		assertThat(data.get("days").get(29).asString()).isEqualTo(today);
		assertThat(data.get("series").get("VALID").get(29).asInt()).isEqualTo(1);
		assertThat(data.get("series").get("UNREACHABLE").get(29).asInt()).isEqualTo(2);
		String text = HtmlUtils.htmlUnescape(html);
		assertThat(text).contains("Checks in the last 30 days").contains("<td>Publisher unreachable</td>")
			.contains("<td>Valid</td>").contains("Facebook: debug_token: valid");
		assertThat(Pattern.compile("<tr>\\s*<td class=\"text-nowrap\">").matcher(html).results().count()).isEqualTo(3);
	}

	private void invalidate(TestAccount account) {
		this.transactions.executeWithoutResult(
				status -> this.tokens.invalidate(account.id(), "USER_LEFT", null, "admin@demo.test"));
	}

}
