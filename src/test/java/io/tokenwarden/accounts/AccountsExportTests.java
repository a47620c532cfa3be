package io.tokenwarden.accounts;

import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Config > Accounts as CSV: the page's rows under the page's filters, all pages, safe to open in a spreadsheet. */
@DemoConsoleTest
class AccountsExportTests {

	/** The application's clock, which other tests of this context move forward: "now" for the page. */
	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	AccountDirectory directory;

	@Autowired
	AccountTokens tokens;

	@Autowired
	JdbcClient jdbc;

	private AccountFixtures fixtures;

	private long agency;

	private String viewer;

	private String u;

	private long harbor;

	private long quartz;

	private long formula;

	@BeforeEach
	void anAgencyWithAccountsAndAnotherAgencyWithItsOwn() {
		this.fixtures = new AccountFixtures(this.agencies, this.directory, this.tokens, this.jdbc);
		this.u = AccountFixtures.unique();
		this.agency = this.fixtures.agency("Export Agency");
		long other = this.fixtures.agency("Export Other Agency");
		this.viewer = this.fixtures.member(this.agency, Role.VIEWER);
		Instant now = this.clock.instant();
		this.harbor = this.fixtures.account(Publisher.FACEBOOK, "1000" + this.u, "Harbor Hotel " + this.u,
				"owner@harbor.test", this.agency, other);
		this.fixtures.token(this.harbor, TokenStatus.VALID, null, now.plus(Duration.ofDays(10)), "test");
		this.quartz = this.fixtures.account(Publisher.X, "2000" + this.u, "Quartz \"Jewelry\", Ltd " + this.u,
				"owner@quartz.test", this.agency);
		this.fixtures.token(this.quartz, TokenStatus.EXPIRED, "PASSWORD_CHANGED", null, "health check");
		this.formula = this.fixtures.account(Publisher.FACEBOOK, "3000" + this.u, "=HYPERLINK(\"http://evil.test\") " + this.u,
				"@owner@formula.test", this.agency);
		this.fixtures.token(this.formula, TokenStatus.VALID, null, null, "test");
		this.fixtures.account(Publisher.FACEBOOK, "4000" + this.u, "Elsewhere Shop " + this.u, "owner@elsewhere.test",
				other);
	}

	@Test
	void exportThenOneRowPerAccountOfTheAgencyWithThePagesColumnsAndNothingOfAnotherAgency() throws Exception {
		MockHttpServletResponse answer = export("", this.viewer);

		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(answer.getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(answer.getHeader("Content-Disposition")).startsWith("attachment; filename=\"accounts-").endsWith(".csv\"");
		String csv = body(answer);
		List<String> lines = lines(csv);
		assertThat(lines.get(0)).isEqualTo("\"Publisher\",\"Account Id\",\"Account Name\",\"Owner email\",\"Token status\","
				+ "\"Valid\",\"Last checked\",\"Expires\",\"Linked agencies\"");
		assertThat(lines).hasSize(4);
		assertThat(csv).doesNotContain("Elsewhere Shop");
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("\"Facebook\",\"1000" + this.u + "\",\"Harbor Hotel ")
			.contains("\"owner@harbor.test\",\"VALID\",\"Valid\"", ";"));
		assertThat(lines).anySatisfy(line -> assertThat(line)
			.contains("\"Quartz \"\"Jewelry\"\", Ltd " + this.u + "\"", "\"EXPIRED\"",
					"\"Expired: the account's user changed their password\""));
	}

	@Test
	void exportWhenFilteredOrSortedThenTheSameRowsInTheSameOrderAsThePage() throws Exception {
		this.fixtures.manyAccounts(this.agency, "Bulk " + this.u, 60);
		for (String filters : List.of("", "q=harbor", "q=" + this.u, "publisher=X", "status=EXPIRED",
				"status=VALID&publisher=FACEBOOK", "sort=id,desc", "q=bulk&sort=name,desc")) {
			List<String> fromCsv = lines(body(export(filters, this.viewer))).stream().skip(1)
				.map(line -> line.split("\",\"")[1])
				.toList();
			String html = this.mvc.perform(get("/config/accounts?" + filters + "&size=200").with(user(this.viewer)))
				.andReturn().getResponse().getContentAsString();
			List<String> fromPage = Pattern.compile("<td><a href=\"/config/accounts/\\d+\">([^<]+)</a></td>").matcher(html)
				.results().map(m -> m.group(1)).toList();

			assertThat(fromCsv).as(filters).containsExactlyElementsOf(fromPage);
		}
	}

	@Test
	void exportWhenACellStartsLikeAFormulaThenItIsQuotedAsText() throws Exception {
		String line = lines(body(export("q=3000" + this.u, this.viewer))).get(1);

		assertThat(line).contains("\"'=HYPERLINK(\"\"http://evil.test\"\") " + this.u + "\"", "\"'@owner@formula.test\"");
		for (String dangerous : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
			assertThat(AccountCsv.cell(dangerous)).as(dangerous).isEqualTo("\"'" + dangerous + "\"");
		}
		assertThat(AccountCsv.cell("plain")).isEqualTo("\"plain\"");
		assertThat(AccountCsv.cell("a\"b")).isEqualTo("\"a\"\"b\"");
	}

	@Test
	void exportWhenNotSignedInThenToTheSignInPage() throws Exception {
		MockHttpServletResponse answer = this.mvc.perform(get("/config/accounts.csv")).andReturn().getResponse();

		assertThat(answer.getStatus()).isEqualTo(302);
		assertThat(answer.getHeader("Location")).endsWith("/login");
	}

	@Test
	void exportWhenAMemberOfAnotherAgencyThenOnlyTheirAgencysAccounts() throws Exception {
		long elsewhere = this.fixtures.agency("Export Third Agency");
		String stranger = this.fixtures.member(elsewhere, Role.ADMIN);

		List<String> lines = lines(body(export("", stranger)));

		assertThat(lines).hasSize(1);
	}

	@Test
	void accountsPageThenTheExportLinkKeepsTheFilters() throws Exception {
		String html = this.mvc.perform(get("/config/accounts?q=harbor&status=VALID&sort=id,desc").with(user(this.viewer)))
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("href=\"/config/accounts.csv?q=harbor&amp;status=VALID&amp;sort=id,desc\"", "Export CSV");
	}

	private MockHttpServletResponse export(String filters, String who) throws Exception {
		return this.mvc.perform(get("/config/accounts.csv?" + filters).with(user(who))).andReturn().getResponse();
	}

	private static String body(MockHttpServletResponse answer) {
		String csv = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF");
		return csv.substring(1);
	}

	private static List<String> lines(String csv) {
		assertThat(csv).endsWith("\r\n");
		return Arrays.asList(csv.split("\r\n"));
	}

}
