package io.tokenwarden.accounts;

import io.tokenwarden.flash.Flash;
import io.tokenwarden.testsupport.FlashMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may do what, for every page and action that exists: anonymous, the four demo people (ADMIN of
 * Northwind and Contoso, MANAGER and VIEWER of Northwind, ADMIN of Fabrikam only), on an account
 * linked to Northwind only ({@code {northwind}}), one linked to Fabrikam only ({@code {fabrikam}})
 * and one that does not exist ({@code {missing}}). The route inventory fails when a new endpoint
 * is missing here.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountsSecurityMatrixTests {

	private static final String ADMIN = "admin@demo.test";

	private static final String MANAGER = "manager@demo.test";

	private static final String VIEWER = "viewer@demo.test";

	private static final String OTHER_ADMIN = "other-admin@demo.test";

	private static final String ANONYMOUS = "anonymous";

	/** Endpoints anyone may reach, signed in or not; checked below too. */
	private static final Set<String> PUBLIC = Set.of("GET /login", "GET /");

	/** Endpoints whose access rules other test classes prove, named here so a new endpoint still fails the inventory. */
	private static final Set<String> COVERED_ELSEWHERE = Set.of(
			// RefreshStartTests, FacebookRefreshTests
			"GET /login/oauth2/code/{registrationId:facebook}",
			// XRefreshTests: a callback whose oauth_token is not pending in the session changes nothing
			"GET /login/oauth1/callback/x",
			// NotificationsPageTests, DevMailTests
			"GET /config/notifications", "POST /config/notifications/copies", "GET /dev/mail",
			// CampaignsAccessTests
			"GET /config/accounts/{id}/campaigns", "POST /config/accounts/{id}/campaigns/sync",
			"POST /config/accounts/{id}/campaigns/{campaignId}/status", "POST /config/accounts/{id}/automations",
			"POST /config/accounts/{id}/automations/{automationId}/delete",
			// refresh.ConnectTests
			"POST /config/accounts/connect",
			// AccountLinksTests, OwnerEmailTests
			"POST /config/accounts/{id}/links", "GET /config/accounts/{id}/unlink", "POST /config/accounts/{id}/unlink",
			"POST /config/accounts/{id}/owner",
			// SessionLifetimeTests (one's own sessions); OperationsTests (health on the main port, public by design)
			"GET /account/sessions", "POST /account/sessions/{handle}/end", "POST /account/sessions/others/end",
			"GET /actuator/health", "GET /actuator/health/{group}",
			// members.TeamAccessTests (and the other tests of the team)
			"GET /config/members", "POST /config/members/invitations",
			"POST /config/members/invitations/{invitationId}/revoke", "POST /config/members/{userId}/role",
			"POST /config/members/{userId}/remove", "GET /invitations/{token}", "POST /invitations/{token}",
			"GET /password/forgot", "POST /password/forgot", "GET /password/reset/{token}",
			"POST /password/reset/{token}", "GET /account/password", "POST /account/password",
			"GET /admin/agencies", "POST /admin/agencies", "POST /admin/installation-admins",
			"POST /admin/installation-admins/{userId}/remove",
			// channels.ChannelsPageTests: admins of the channel's agency only; another agency's channel is 404
			"GET /config/notifications/channels", "POST /config/notifications/channels",
			"GET /config/notifications/channels/{id}", "POST /config/notifications/channels/{id}/test",
			"GET /config/notifications/channels/{id}/delete", "POST /config/notifications/channels/{id}/delete",
			// api.StatusApiTests: one's own API tokens, and the API behind them (401 revoked, 404 another agency)
			"GET /account/api-tokens", "POST /account/api-tokens", "POST /account/api-tokens/{id}/revoke",
			"GET /api/v1/accounts", "GET /api/v1/accounts/{id}",
			// AccountsExportTests: the current agency's accounts only
			"GET /config/accounts.csv",
			// refresh.OwnerReconnectTests: the owner's pages need the link, not a login; notifications.ReconnectLinkMailTests:
			// sending links is for admins of the account's agency
			"GET /reconnect/{token}", "POST /reconnect/{token}", "GET /reconnect/done",
			"POST /config/accounts/{id}/reconnect-link", "POST /config/accounts/reconnect-links");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	/** user, method, path, expected status, expected flash message (for a 302 to the list). */
	static Stream<Arguments> matrix() {
		List<Arguments> rows = new ArrayList<>();
		for (String user : List.of(ADMIN, MANAGER, VIEWER, OTHER_ADMIN)) {
			rows.add(Arguments.of(user, "GET", "/config/accounts", 200, null));
			rows.add(Arguments.of(user, "GET", "/config/accounts/{northwind}", user.equals(OTHER_ADMIN) ? 404 : 200, null));
			rows.add(Arguments.of(user, "GET", "/config/accounts/{fabrikam}", user.equals(OTHER_ADMIN) ? 200 : 404, null));
			rows.add(Arguments.of(user, "GET", "/config/accounts/{missing}", 404, null));
			// refresh: 302 to the consent page; invalidate without a reason: 302 back to its confirmation; check: 302
			// to the account page; the confirmation itself: 200
			action(rows, user, "POST", "/config/accounts/{id}/refresh", 302);
			action(rows, user, "GET", "/config/accounts/{id}/invalidate", 200);
			action(rows, user, "POST", "/config/accounts/{id}/invalidate", 302);
			action(rows, user, "POST", "/config/accounts/{id}/check", 302);
			boolean admin = user.equals(ADMIN) || user.equals(OTHER_ADMIN);
			rows.add(Arguments.of(user, "POST", "/config/accounts/checks", admin ? 302 : 403,
					admin ? "health.checkAll.started" : null));
			rows.add(Arguments.of(user, "POST", "/agency?agencyId={northwind-agency}", user.equals(OTHER_ADMIN) ? 404 : 302,
					user.equals(OTHER_ADMIN) ? null : "agency.switched"));
			rows.add(Arguments.of(user, "POST", "/agency?agencyId={fabrikam-agency}", user.equals(OTHER_ADMIN) ? 302 : 404,
					user.equals(OTHER_ADMIN) ? "agency.switched" : null));
		}
		for (String path : List.of("/config/accounts", "/config/accounts/{northwind}", "/config/accounts/{northwind}/invalidate")) {
			rows.add(Arguments.of(ANONYMOUS, "GET", path, 302, null));
		}
		for (String path : List.of("/config/accounts/{northwind}/refresh", "/config/accounts/{northwind}/invalidate",
				"/config/accounts/{northwind}/check", "/config/accounts/checks", "/agency?agencyId={northwind-agency}")) {
			rows.add(Arguments.of(ANONYMOUS, "POST", path, 302, null));
		}
		return rows.stream();
	}

	/** An action on an account: admins of a linked agency get {@code allowed}, others 403, strangers 404. */
	private static void action(List<Arguments> rows, String user, String method, String path, int allowed) {
		boolean stranger = user.equals(OTHER_ADMIN);
		int onNorthwind = stranger ? 404 : user.equals(ADMIN) ? allowed : 403;
		rows.add(Arguments.of(user, method, path.replace("{id}", "{northwind}"), onNorthwind, null));
		rows.add(Arguments.of(user, method, path.replace("{id}", "{fabrikam}"), stranger ? allowed : 404, null));
		rows.add(Arguments.of(user, method, path.replace("{id}", "{missing}"), 404, null));
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@MethodSource("matrix")
	void endpointWhenRequestedByThisPersonThenAnswersAsTheMatrixSays(String user, String method, String path,
			int expected, String message) throws Exception {
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), resolve(path)).with(csrf());
		if (!user.equals(ANONYMOUS)) {
			request.with(user(user));
		}
		ResultActions result = this.mvc.perform(request).andExpect(status().is(expected));
		if (user.equals(ANONYMOUS)) {
			result.andExpect(header().string("Location", endsWith("/login")));
		}
		else if (message != null) {
			result.andExpect(redirectedUrl("/config/accounts"))
				.andExpect(FlashMessages.shown(Flash.Level.SUCCESS, message));
		}
	}

	@Test
	void postWhenTheCsrfTokenIsMissingThenForbidden() throws Exception {
		this.mvc.perform(post(resolve("/config/accounts/{northwind}/refresh")).with(user(ADMIN)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(resolve("/agency?agencyId={northwind-agency}")).with(user(ADMIN)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/config/accounts/checks").with(user(ADMIN)).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
	}

	@Test
	void publicPagesWhenAnonymousThenLoginIsShownAndTheFrontDoorLeadsToIt() throws Exception {
		this.mvc.perform(get("/login")).andExpect(status().isOk());
		this.mvc.perform(get("/")).andExpect(status().isFound()).andExpect(header().string("Location", endsWith("/login")));
		this.mvc.perform(get("/").with(user(VIEWER))).andExpect(redirectedUrl("/config/accounts"));
	}

	@Test
	void routeInventoryWhenAnEndpointExistsThenTheMatrixCoversIt() {
		Set<String> covered = new TreeSet<>(PUBLIC);
		covered.addAll(COVERED_ELSEWHERE);
		matrix().forEach(row -> covered.add(row.get()[1] + " " + ((String) row.get()[2]).replaceAll("\\?.*", "")
			.replaceAll("\\{(northwind|fabrikam|missing)}", "{id}")));
		Set<String> endpoints = new TreeSet<>();
		this.context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping -> mapping
			.getHandlerMethods()
			.forEach((info, handler) -> {
				// the sandbox imitates outside publishers: public by design in the demo, absent outside it
				if (handler.getBeanType().getPackageName().startsWith("io.tokenwarden")
						&& !handler.getBeanType().getPackageName().startsWith("io.tokenwarden.sandbox")) {
					Set<?> methods = info.getMethodsCondition().getMethods();
					// a mapping for every method is listed as ANY: no matrix row covers that, on purpose
					info.getPathPatternsCondition().getPatternValues().forEach(pattern -> (methods.isEmpty()
							? Set.of("ANY") : methods).forEach(method -> endpoints.add(method + " " + pattern)));
				}
			}));

		assertThat(endpoints).isNotEmpty();
		assertThat(covered).containsAll(endpoints);
	}

	private String resolve(String path) {
		return path.replace("{northwind}", String.valueOf(accountId("Alpine Outfitters")))
			.replace("{fabrikam}", String.valueOf(accountId("Zephyr Kites")))
			.replace("{missing}", "999999999")
			.replace("{northwind-agency}", String.valueOf(agencyId("Northwind Agency")))
			.replace("{fabrikam-agency}", String.valueOf(agencyId("Fabrikam Partners")));
	}

	private long accountId(String demoName) {
		return this.jdbc.sql("select id from publisher_account where name = ?").param(demoName).query(Long.class).single();
	}

	private long agencyId(String name) {
		return this.jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).single();
	}

}
