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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One account's page, and names that try to be HTML. */
@DemoConsoleTest
class AccountDetailPageTests {

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

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

	private String admin;

	private String viewer;

	private String u;

	@BeforeEach
	void anAgency() {
		this.fixtures = new AccountFixtures(this.agencies, this.directory, this.tokens, this.jdbc);
		this.u = AccountFixtures.unique();
		this.agency = this.fixtures.agency("Detail Agency");
		this.admin = this.fixtures.member(this.agency, Role.ADMIN);
		this.viewer = this.fixtures.member(this.agency, Role.VIEWER);
	}

	@Test
	void accountPageThenShowsItsFactsAndEveryLinkedAgency() throws Exception {
		long other = this.fixtures.agency("Second Agency");
		long id = this.fixtures.account(Publisher.X, "4400" + this.u, "Summit Ski School " + this.u,
				"owner@summit.test", this.agency, other);
		this.fixtures.token(id, TokenStatus.EXPIRED, "APP_REMOVED", this.clock.instant().plus(Duration.ofDays(1)), "check");

		String page = page("/config/accounts/" + id, this.viewer);

		assertThat(page).contains("Summit Ski School " + this.u, "4400" + this.u, "owner@summit.test", ">X<")
			.contains("Expired: the user removed Token Warden&#39;s app at the publisher")
			.contains("<li>" + this.fixtures.agencyName(this.agency) + "</li>",
					"<li>" + this.fixtures.agencyName(other) + "</li>")
			.contains("Nothing has been recorded for this account yet.");
	}

	@Test
	void accountPageWhenAdminThenRefreshCheckAndInvalidateAreOffered() throws Exception {
		long id = this.fixtures.account(Publisher.FACEBOOK, "5500" + this.u, "Maple Books " + this.u,
				"owner@maple.test", this.agency);
		this.fixtures.token(id, TokenStatus.VALID, null, this.clock.instant().plus(Duration.ofDays(30)), "test");

		String asAdmin = page("/config/accounts/" + id, this.admin);
		String asViewer = page("/config/accounts/" + id, this.viewer);

		assertThat(asAdmin).contains("action=\"/config/accounts/" + id + "/refresh\"",
				"action=\"/config/accounts/" + id + "/check\"", "href=\"/config/accounts/" + id + "/invalidate\"");
		assertThat(asViewer).contains("Maple Books " + this.u)
			.doesNotContain("/refresh\"", "/check\"", "/invalidate\"");
	}

	@Test
	void accountPageWhenTheAccountHasNoTokenThenSaysSo() throws Exception {
		long id = this.fixtures.account(Publisher.FACEBOOK, "6600" + this.u, "Pioneer Bikes " + this.u,
				"owner@pioneer.test", this.agency);

		assertThat(page("/config/accounts/" + id, this.viewer)).contains("No token", "never");
	}

	@Test
	void accountsPagesWhenTheAccountIsNamedLikeAScriptThenItIsShownEscaped() throws Exception {
		long id = this.fixtures.account(Publisher.FACEBOOK, "7700" + this.u, SCRIPT, SCRIPT + "@evil.test", this.agency);
		this.fixtures.token(id, TokenStatus.VALID, null, this.clock.instant().plus(Duration.ofDays(30)), "test");

		String list = page("/config/accounts", this.admin);
		String detail = page("/config/accounts/" + id, this.admin);

		assertThat(list).contains(ESCAPED + " ( " + ESCAPED + "@evil.test )").doesNotContain(SCRIPT);
		assertThat(detail).contains("<h1", ESCAPED).doesNotContain(SCRIPT);
		String searched = this.mvc.perform(get("/config/accounts").param("q", "<script>").with(user(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(searched).contains("value=\"&lt;script&gt;\"", ESCAPED).doesNotContain(SCRIPT);
	}

	@Test
	void accountsPageWhenTheAccountNameBreaksOutOfAnAttributeThenItStaysInside() throws Exception {
		String quoted = "Quote\" onmouseover=\"alert(1)\" x='" + this.u;
		long id = this.fixtures.account(Publisher.FACEBOOK, "7800" + this.u, quoted, "q@quote.test", this.agency);
		this.fixtures.token(id, TokenStatus.VALID, null, this.clock.instant().plus(Duration.ofDays(30)), "test");

		String list = page("/config/accounts", this.admin);

		assertThat(list).contains("title=\"Refresh the token of Quote&quot; onmouseover=&quot;alert(1)&quot; x=&#39;")
			.doesNotContain("onmouseover=\"alert(1)\"");
	}

	@Test
	void accountsPageWhenTheAgencyIsNamedLikeAScriptThenItIsShownEscaped() throws Exception {
		long hostile = this.agencies.createAgency(SCRIPT + " " + this.u);
		String member = this.fixtures.member(hostile, Role.VIEWER);
		long id = this.fixtures.account(Publisher.X, "8800" + this.u, "Plain " + this.u, "plain@test.test", hostile);

		String list = page("/config/accounts", member);

		assertThat(list).contains(ESCAPED + " " + this.u).doesNotContain(SCRIPT);
		assertThat(page("/config/accounts/" + id, member)).contains(ESCAPED).doesNotContain(SCRIPT);
	}

	private String page(String path, String user) throws Exception {
		return this.mvc.perform(get(path).with(user(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
