package io.tokenwarden.accounts;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenStatus;
import io.tokenwarden.testsupport.DemoConsoleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Config > Accounts as the browser gets it: its rows, each column, and what only admins see. */
@DemoConsoleTest
class AccountsPageTests {

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

	private String admin;

	private String viewer;

	private String agencyName;

	private String otherAgencyName;

	private long valid;

	private long expired;

	private long invalidated;

	private String u;

	@BeforeEach
	void anAgencyWithThreeAccounts() {
		this.fixtures = new AccountFixtures(this.agencies, this.directory, this.tokens, this.jdbc);
		this.u = AccountFixtures.unique();
		long agency = this.fixtures.agency("Page Agency");
		long other = this.fixtures.agency("Another Agency");
		this.agencyName = this.fixtures.agencyName(agency);
		this.otherAgencyName = this.fixtures.agencyName(other);
		this.admin = this.fixtures.member(agency, Role.ADMIN);
		this.viewer = this.fixtures.member(agency, Role.VIEWER);
		Instant now = this.clock.instant();
		this.valid = this.fixtures.account(Publisher.FACEBOOK, "1000" + this.u, "Harbor Hotel " + this.u,
				"owner@harbor.test", agency, other);
		this.fixtures.token(this.valid, TokenStatus.VALID, null, now.plus(Duration.ofDays(10).plusHours(1)), "test");
		this.fixtures.lastChecked(this.valid, now.minus(Duration.ofMinutes(65)));
		this.expired = this.fixtures.account(Publisher.X, "2000" + this.u, "Quartz Jewelry " + this.u,
				"owner@quartz.test", agency);
		this.fixtures.token(this.expired, TokenStatus.EXPIRED, "PASSWORD_CHANGED",
				now.minus(Duration.ofDays(2).plusHours(1)), "health check");
		this.invalidated = this.fixtures.account(Publisher.FACEBOOK, "3000" + this.u, "Willow Yoga " + this.u,
				"owner@willow.test", agency);
		this.fixtures.token(this.invalidated, TokenStatus.INVALIDATED, "USER_LEFT", now.plus(Duration.ofDays(3)),
				this.admin);
	}

	@Test
	void accountsPageWhenDemoAdminThenListsTheAgencysAccountsWithTheirValidity() throws Exception {
		String page = page("/config/accounts", "admin@demo.test");

		assertThat(page).contains("Lakeside Pets")
			.contains("Expired: the user removed Token Warden&#39;s app at the publisher");
	}

	@Test
	void accountsPageThenOneRowPerLinkedAccount() throws Exception {
		String page = page("/config/accounts", this.admin);

		assertThat(page).contains("data-account-id=\"" + this.valid + "\"", "data-account-id=\"" + this.expired + "\"",
				"data-account-id=\"" + this.invalidated + "\"");
		assertThat(Pattern.compile("data-account-id=").matcher(page).results().count()).isEqualTo(3);
		assertThat(page).contains("Accounts 1–3 of 3");
	}

	@Test
	void accountsPageThenTheColumnsArePublisherIdNameAgenciesValidLastCheckedAndExpires() throws Exception {
		String page = page("/config/accounts", this.admin);

		assertThat(page).contains(">Publisher<", ">Account Id<", ">Account Name<", ">Linked agencies<", ">Valid<",
				">Last checked<", ">Expires<", ">Refresh<", ">Invalidate Token<");
		String harbor = row(page, this.valid);
		assertThat(harbor).contains("bi-facebook", ">Facebook<")
			.contains("href=\"/config/accounts/" + this.valid + "\">1000" + this.u + "<")
			.contains("Harbor Hotel " + this.u + " ( owner@harbor.test )")
			.contains("2 agencies", "<li>" + this.agencyName + "</li>", "<li>" + this.otherAgencyName + "</li>")
			.contains("bi-check-circle-fill", "text-success", ">Valid<")
			.contains("1 hour ago")
			.contains("in 10 days");
		assertThat(row(page, this.expired)).contains("bi-twitter-x", ">X<", "1 agency", "bi-x-circle-fill",
				"Expired: the account&#39;s user changed their password", "never", "2 days ago");
	}

	@Test
	void accountsPageWhenATokenWasInvalidatedThenWhoWhenAndWhyAndNoExpiry() throws Exception {
		String willow = row(page("/config/accounts", this.admin), this.invalidated);

		assertThat(willow).contains("bi-x-circle-fill", "Invalidated by " + this.admin + " on ",
				": the account&#39;s user left the company")
			.contains(">—<")
			.doesNotContain("class=\"invalidate\"");
	}

	@Test
	void accountsPageWhenAdminThenRefreshAndInvalidateIconsOnEachRowAndCheckAll() throws Exception {
		String page = page("/config/accounts", this.admin);

		assertThat(row(page, this.valid)).contains("form=\"refresh-form\"",
				"formaction=\"/config/accounts/" + this.valid + "/refresh\"",
				"href=\"/config/accounts/" + this.valid + "/invalidate\"", "link-broken.svg");
		// the rows' Refresh buttons submit one form, which carries the page's CSRF field
		assertThat(page).containsPattern("<form id=\"refresh-form\" method=\"post\" action=\"/config/accounts\" hidden><input type=\"hidden\" name=\"_csrf\"")
			.contains("action=\"/config/accounts/checks\"");
	}

	@Test
	void accountsPageWhenViewerThenNoActionIconsAnywhere() throws Exception {
		String page = page("/config/accounts", this.viewer);

		assertThat(page).contains("data-account-id=\"" + this.valid + "\"")
			.doesNotContain("/refresh\"", "/invalidate\"", "/config/accounts/checks", "link-broken.svg", ">Refresh<",
					">Invalidate Token<");
	}

	@Test
	void accountsPageWhenDemoManagerOrViewerThenNoActionIconsAnywhere() throws Exception {
		for (String demoUser : new String[] { "manager@demo.test", "viewer@demo.test" }) {
			String page = page("/config/accounts", demoUser);

			assertThat(page).contains("Alpine Outfitters")
				.doesNotContain("/refresh\"", "/invalidate\"", "/check\"", "/config/accounts/checks", "link-broken.svg");
		}
	}

	@Test
	void accountsPageThenTheConfigMenuLeadsToAccountsAndTheSwitcherListsOnlyTheirAgencies() throws Exception {
		String page = page("/config/accounts", "admin@demo.test");

		assertThat(page).contains("id=\"config-menu\"", ">Config<", "class=\"dropdown-item\" href=\"/config/accounts\"")
			.contains("Contoso Media (ADMIN)", "Northwind Agency (ADMIN)")
			.doesNotContain("Fabrikam Partners (");
	}

	@Test
	void accountsPageWhenSearchedThenOnlyMatchingRowsAndTheSearchIsKept() throws Exception {
		String page = page("/config/accounts?q=quartz", this.admin);

		assertThat(page).contains("data-account-id=\"" + this.expired + "\"")
			.doesNotContain("data-account-id=\"" + this.valid + "\"")
			.contains("value=\"quartz\"");
	}

	@Test
	void accountsPageWhenFilteredThenOnlyMatchingRowsAndTheFilterIsSelected() throws Exception {
		String page = page("/config/accounts?status=INVALIDATED&publisher=FACEBOOK", this.admin);

		assertThat(page).contains("data-account-id=\"" + this.invalidated + "\"")
			.doesNotContain("data-account-id=\"" + this.valid + "\"", "data-account-id=\"" + this.expired + "\"")
			.containsPattern("<option value=\"INVALIDATED\" selected=\"selected\">")
			.containsPattern("<option value=\"FACEBOOK\" selected=\"selected\">");
	}

	@Test
	void accountsPageWhenMoreThanAPageThenPagingLinksKeepSearchFilterAndSort() throws Exception {
		long paged = this.fixtures.agency("Paged Agency");
		String pagedAdmin = this.fixtures.member(paged, Role.ADMIN);
		this.fixtures.manyAccounts(paged, "Kite " + this.u, 55);

		String first = page("/config/accounts?q=kite&publisher=FACEBOOK&sort=name,desc", pagedAdmin);
		String second = page("/config/accounts?q=kite&publisher=FACEBOOK&sort=name,desc&page=1", pagedAdmin);

		assertThat(first).contains("Page 1 of 2", "Accounts 1–50 of 55", "Kite " + this.u + " 054")
			.contains("href=\"/config/accounts?q=kite&amp;publisher=FACEBOOK&amp;sort=name,desc&amp;page=1\" rel=\"next\"");
		assertThat(second).contains("Page 2 of 2", "Accounts 51–55 of 55", "Kite " + this.u + " 000")
			.contains("href=\"/config/accounts?q=kite&amp;publisher=FACEBOOK&amp;sort=name,desc\" rel=\"prev\"");
		assertThat(Pattern.compile("data-account-id=").matcher(second).results().count()).isEqualTo(5);
	}

	@Test
	void accountsPageWhenTheAgencyHasNoAccountsThenTheEmptyState() throws Exception {
		String lonely = this.fixtures.member(this.fixtures.agency("Lonely Agency"), Role.VIEWER);

		assertThat(page("/config/accounts", lonely)).contains("No publisher accounts are linked to this agency yet.")
			.doesNotContain("data-account-id", "Clear filters");
	}

	@Test
	void accountsPageWhenNothingMatchesThenTheFilteredEmptyStateWithAWayBack() throws Exception {
		assertThat(page("/config/accounts?q=no-such-account-" + this.u, this.admin))
			.contains("No accounts match this search. Try fewer words, or clear the filters.", "Clear filters")
			.doesNotContain("data-account-id");
	}

	private String page(String path, String user) throws Exception {
		return this.mvc.perform(get(path).with(user(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The HTML of one account's row. */
	private static String row(String page, long accountId) {
		Matcher row = Pattern.compile("<tr data-account-id=\"" + accountId + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).as("a row for account " + accountId).isTrue();
		return row.group(1);
	}

}
