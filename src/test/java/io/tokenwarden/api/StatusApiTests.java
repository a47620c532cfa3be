package io.tokenwarden.api;

import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The status API as a script meets it: a person's token opens its agency's accounts (the page's filters,
 * the page's rows), another agency's account answers 404, a dead token 401, and every error is a problem.
 */
@DemoConsoleTest
class StatusApiTests {

	/** The application's clock, which other tests of this context move forward: "now" for the page. */
	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	AccountTokens tokens;

	@Autowired
	ApiTokens apiTokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private ApiFixtures fixtures;

	private long agency;

	private long otherAgency;

	private String viewer;

	private String token;

	private long valid;

	private long expired;

	private long invalidated;

	private long foreign;

	private String u;

	@BeforeEach
	void anAgencyWithThreeAccountsAndAnotherWithOne() {
		this.fixtures = new ApiFixtures(this.agencies, this.accounts, this.tokens, this.apiTokens);
		this.u = ApiFixtures.unique();
		this.agency = this.fixtures.agency("API Agency");
		this.otherAgency = this.fixtures.agency("API Other Agency");
		this.viewer = this.fixtures.member(this.agency, Role.VIEWER);
		Instant now = this.clock.instant();
		this.valid = this.fixtures.account(Publisher.FACEBOOK, "Harbor Hotel " + this.u, TokenStatus.VALID, null,
				now.plus(Duration.ofDays(10)), this.agency, this.otherAgency);
		this.expired = this.fixtures.account(Publisher.X, "Quartz Jewelry " + this.u, TokenStatus.EXPIRED,
				"PASSWORD_CHANGED", null, this.agency);
		this.invalidated = this.fixtures.account(Publisher.FACEBOOK, "Willow Yoga " + this.u, TokenStatus.INVALIDATED,
				"USER_LEFT", null, this.agency);
		this.foreign = this.fixtures.account(Publisher.FACEBOOK, "Elsewhere Shop " + this.u, TokenStatus.VALID, null,
				null, this.otherAgency);
		this.token = this.fixtures.token(this.viewer, this.agency);
	}

	@Test
	void accountsWhenAViewersTokenThenTheAgencysAccountsWithTheirStatus() throws Exception {
		JsonNode page = json(api("/api/v1/accounts", this.token), 200);

		assertThat(ids(page)).containsExactlyInAnyOrder(this.valid, this.expired, this.invalidated);
		assertThat(page.get("totalElements").asLong()).isEqualTo(3);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("size").asInt()).isEqualTo(50);
		assertThat(page.get("totalPages").asInt()).isEqualTo(1);
		JsonNode quartz = account(page, this.expired);
		assertThat(quartz.get("publisher").asString()).isEqualTo("X");
		assertThat(quartz.get("name").asString()).isEqualTo("Quartz Jewelry " + this.u);
		assertThat(quartz.get("ownerEmail").asString()).endsWith("@fixtures.test");
		assertThat(quartz.get("status").asString()).isEqualTo("EXPIRED");
		assertThat(quartz.get("reason").asString()).isEqualTo("PASSWORD_CHANGED");
		assertThat(quartz.has("lastCheckedAt")).isTrue();
		assertThat(quartz.get("linkedAgencies").asInt()).isEqualTo(1);
		JsonNode harbor = account(page, this.valid);
		assertThat(harbor.get("linkedAgencies").asInt()).isEqualTo(2);
		assertThat(Instant.parse(harbor.get("expiresAt").asString())).isAfter(this.clock.instant().plus(Duration.ofDays(9)));
		assertThat(harbor.has("recentChecks")).as("the list leaves the checks to the account's own answer").isFalse();
	}

	@Test
	void accountsWhenFilteredThenTheSameRowsAsThePageUnderTheSameFilters() throws Exception {
		for (String filters : List.of("", "q=quartz", "q=" + this.u, "publisher=FACEBOOK", "publisher=x", "status=VALID",
				"status=EXPIRED&publisher=X", "status=INVALIDATED", "q=harbor&status=EXPIRED", "size=1", "size=1&page=1",
				"size=2&page=1")) {
			List<Long> fromApi = ids(json(api("/api/v1/accounts?" + filters, this.token), 200));
			String html = this.mvc.perform(get("/config/accounts?" + filters).with(user(this.viewer)))
				.andReturn().getResponse().getContentAsString();
			List<Long> fromPage = Pattern.compile("data-account-id=\"(\\d+)\"").matcher(html).results()
				.map(m -> Long.parseLong(m.group(1))).distinct().toList();

			assertThat(fromApi).as(filters).containsExactlyElementsOf(fromPage);
		}
	}

	@Test
	void accountWhenLinkedToTheTokensAgencyThenItsStatusAndRecentChecks() throws Exception {
		this.jdbc.sql("insert into token_check (account_id, checked_at, outcome, reason) values (?, now(), 'EXPIRED', 'PASSWORD_CHANGED')")
			.param(this.expired).update();

		JsonNode quartz = json(api("/api/v1/accounts/" + this.expired, this.token), 200);

		assertThat(quartz.get("id").asLong()).isEqualTo(this.expired);
		assertThat(quartz.get("status").asString()).isEqualTo("EXPIRED");
		assertThat(quartz.get("recentChecks")).hasSize(1);
		assertThat(quartz.get("recentChecks").get(0).get("outcome").asString()).isEqualTo("EXPIRED");
		assertThat(quartz.get("recentChecks").get(0).get("reason").asString()).isEqualTo("PASSWORD_CHANGED");
	}

	@Test
	void accountWhenLinkedOnlyToAnotherAgencyThenNotFoundAsAProblem() throws Exception {
		MockHttpServletResponse answer = api("/api/v1/accounts/" + this.foreign, this.token);

		JsonNode problem = problem(answer, 404);
		assertThat(answer.getContentAsString()).doesNotContain("Elsewhere Shop");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/accounts/" + this.foreign);
	}

	@Test
	void accountWhenATokenOfTheOtherAgencyThenItsOwnAccountsOnly() throws Exception {
		String otherViewer = this.fixtures.member(this.otherAgency, Role.VIEWER);
		String otherToken = this.fixtures.token(otherViewer, this.otherAgency);

		assertThat(ids(json(api("/api/v1/accounts", otherToken), 200))).containsExactlyInAnyOrder(this.valid, this.foreign);
		problem(api("/api/v1/accounts/" + this.expired, otherToken), 404);
		problem(api("/api/v1/accounts/999999999999", otherToken), 404);
	}

	@Test
	void accountsWhenTheTokenIsRevokedThenUnauthorized() throws Exception {
		long id = this.apiTokens.of(this.viewer).get(0).id();
		assertThat(api("/api/v1/accounts", this.token).getStatus()).isEqualTo(200);

		assertThat(this.apiTokens.revoke(this.viewer, id)).isTrue();

		MockHttpServletResponse answer = api("/api/v1/accounts", this.token);
		problem(answer, 401);
		assertThat(answer.getHeader("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void accountsWhenNoTokenOrAnUnknownOneThenUnauthorizedWithoutARedirectToSignIn() throws Exception {
		MockHttpServletResponse none = this.mvc.perform(get("/api/v1/accounts")).andReturn().getResponse();
		MockHttpServletResponse unknown = api("/api/v1/accounts", "tw_" + "A".repeat(43));
		MockHttpServletResponse garbage = api("/api/v1/accounts", "not a token");

		for (MockHttpServletResponse answer : List.of(none, unknown, garbage)) {
			problem(answer, 401);
			assertThat(answer.getHeader("Location")).isNull();
		}
	}

	@Test
	void accountsWhenThePersonLeftTheAgencyThenTheirTokenNoLongerWorks() throws Exception {
		long userId = this.agencies.findUser(this.viewer).orElseThrow().id();
		String admin = this.fixtures.member(this.agency, Role.ADMIN);
		assertThat(admin).isNotBlank();

		this.agencies.removeMember(this.agency, userId);

		problem(api("/api/v1/accounts", this.token), 401);
	}

	@Test
	void accountsWhenSignedInWithASessionButNoTokenThenUnauthorized() throws Exception {
		MockHttpServletResponse answer = this.mvc.perform(get("/api/v1/accounts").with(user(this.viewer)))
			.andReturn().getResponse();

		problem(answer, 401);
	}

	@Test
	void accountsWhenAFilterIsUnknownThenBadRequestThatNamesIt() throws Exception {
		for (String filters : List.of("publisher=MYSPACE", "status=BROKEN", "page=-1", "page=abc", "size=0", "size=201",
				"q=" + "x".repeat(201))) {
			JsonNode problem = problem(api("/api/v1/accounts?" + filters, this.token), 400);
			assertThat(problem.get("detail").asString()).as(filters).startsWith(filters.substring(0, filters.indexOf('=')));
		}
	}

	@Test
	void apiWhenAnUnknownPathOrAWriteThenAProblemNeverAnHtmlPage() throws Exception {
		problem(api("/api/v1/nothing-here", this.token), 404);
		problem(api("/api/v1/accounts/not-a-number", this.token), 400);
		MockHttpServletResponse write = this.mvc.perform(post("/api/v1/accounts").header("Authorization", "Bearer " + this.token))
			.andReturn().getResponse();
		assertThat(write.getStatus()).isEqualTo(405);
		assertThat(write.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(write.getHeader("Allow")).isEqualTo("GET");
	}

	@Test
	void accountsWhenAFilterHoldsANulThenBadRequestAsAProblemNeverTheHtmlPage() throws Exception {
		// refused by web's control-character filter, before the API's own chain and Spring MVC
		MockHttpServletResponse answer = this.mvc.perform(get("/api/v1/accounts").param("q", "quartz\u0000")
			.header("Authorization", "Bearer " + this.token)).andReturn().getResponse();

		JsonNode problem = problem(answer, 400);
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
		assertThat(problem.get("detail").asString()).contains("control character");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/accounts");
		assertThat(answer.getHeader("Cache-Control")).contains("no-store");
		assertThat(answer.getContentAsString()).doesNotContain("<html", "quartz");
	}

	@Test
	void apiWhenCalledThenStatelessNoSessionCookieAndNoStore() throws Exception {
		MockHttpServletResponse answer = api("/api/v1/accounts", this.token);

		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(answer.getHeader("Set-Cookie")).isNull();
		assertThat(answer.getCookie("SESSION")).isNull();
		assertThat(answer.getHeader("Cache-Control")).contains("no-store");
	}

	@Test
	void apiWhenUsedThenTheTokensLastUseIsShownAndTheTokenIsStoredOnlyAsItsHash() throws Exception {
		assertThat(this.apiTokens.of(this.viewer).get(0).lastUsedAt()).isNull();

		api("/api/v1/accounts", this.token);

		assertThat(this.apiTokens.of(this.viewer).get(0).lastUsedAt()).isNotNull();
		long plaintextRows = this.jdbc.sql("""
				select count(*) from api_token where encode(token_hash, 'escape') like '%' || ? || '%'
				or name like '%' || ? || '%'""").params(this.token.substring(3), this.token.substring(3))
			.query(Long.class).single();
		assertThat(plaintextRows).isZero();
		String html = this.mvc.perform(get("/account/api-tokens").with(user(this.viewer)))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).doesNotContain(this.token).doesNotContain(">never<");
	}

	@Test
	void openApiDocumentThenDescribesBothEndpointsTheirFiltersAndFields() throws Exception {
		MockHttpServletResponse answer = this.mvc.perform(get("/api/v1/openapi")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(200);
		JsonNode spec = this.json.readTree(answer.getContentAsString());

		JsonNode list = spec.at("/paths/~1api~1v1~1accounts/get");
		List<String> parameters = new ArrayList<>();
		list.get("parameters").forEach(p -> parameters.add(p.get("name").asString()));
		assertThat(parameters).containsExactlyInAnyOrder("q", "publisher", "status", "page", "size");
		assertThat(spec.at("/paths/~1api~1v1~1accounts~1{id}/get").isMissingNode()).isFalse();
		assertThat(spec.at("/components/securitySchemes/apiToken/scheme").asString()).isEqualTo("bearer");
		JsonNode fields = spec.at("/components/schemas/AccountStatus/properties");
		for (String field : List.of("id", "publisher", "name", "ownerEmail", "status", "reason", "expiresAt",
				"lastCheckedAt", "linkedAgencies", "recentChecks")) {
			assertThat(fields.has(field)).as(field).isTrue();
		}
		assertThat(this.mvc.perform(get("/api/v1/openapi.yaml")).andReturn().getResponse().getContentAsString())
			.contains("/api/v1/accounts/{id}:");
	}

	private MockHttpServletResponse api(String path, String bearer) throws Exception {
		return this.mvc.perform(get(path).header("Authorization", "Bearer " + bearer)).andReturn().getResponse();
	}

	private JsonNode json(MockHttpServletResponse answer, int status) throws Exception {
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(status);
		assertThat(answer.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
		return this.json.readTree(answer.getContentAsString());
	}

	private JsonNode problem(MockHttpServletResponse answer, int status) throws Exception {
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(status);
		assertThat(answer.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = this.json.readTree(answer.getContentAsString());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		return problem;
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("accounts").forEach(a -> ids.add(a.get("id").asLong()));
		return ids;
	}

	private static JsonNode account(JsonNode page, long id) {
		for (JsonNode a : page.get("accounts")) {
			if (a.get("id").asLong() == id) {
				return a;
			}
		}
		throw new AssertionError("no account " + id);
	}

}
