package io.tokenwarden.accounts;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Link to agency…, Unlink (not the last link, the last link, twice) and who may do them. */
@DemoConsoleTest
class AccountLinksTests {

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

	private long north;

	private long south;

	private String admin;

	private long account;

	@BeforeEach
	void twoAgenciesOneAdmin() {
		this.fixtures = new AccountFixtures(this.agencies, this.directory, this.tokens, this.jdbc);
		this.north = this.fixtures.agency("North Links");
		this.south = this.fixtures.agency("South Links");
		this.admin = this.fixtures.member(this.north, Role.ADMIN);
		long adminId = this.jdbc.sql("select id from app_user where email = ?").param(this.admin).query(Long.class).single();
		this.agencies.addMember(this.south, adminId, Role.ADMIN);
		this.account = this.fixtures.account(Publisher.FACEBOOK, "77" + AccountFixtures.unique(),
				"Harbor Bakery " + AccountFixtures.unique(), "owner@harbor.test", this.north);
		this.fixtures.token(this.account, TokenStatus.VALID, null, this.clock.instant().plus(Duration.ofDays(30)), "test");
	}

	@Test
	void linkWhenAdminOfBothAgenciesThenTheSecondAgencySeesTheAccountWithItsTokenAndBothAuditsSayIt() throws Exception {
		WebSession session = new WebSession(this.mvc, this.admin).inAgency(this.north);

		MvcResult result = session.perform(post("/config/accounts/" + this.account + "/links")
			.param("agencyId", String.valueOf(this.south)).with(csrf()));

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts/" + this.account);
		assertThat(FlashMessages.success(result)).isEqualTo("accounts.link.done");
		assertThat(linkedAgencies()).containsExactlyInAnyOrder(this.north, this.south);
		assertThat(auditAgencies("account_linked")).containsExactlyInAnyOrder(this.north, this.south);
		String southPage = session.inAgency(this.south).perform(get("/config/accounts")).getResponse().getContentAsString();
		assertThat(southPage).contains(name()).contains("Valid");
	}

	@Test
	void linkWhenDoneTwiceThenOneLinkAndOneAuditPair() throws Exception {
		WebSession session = new WebSession(this.mvc, this.admin).inAgency(this.north);
		session.perform(post("/config/accounts/" + this.account + "/links").param("agencyId", String.valueOf(this.south)).with(csrf()));

		MvcResult again = session.perform(post("/config/accounts/" + this.account + "/links")
			.param("agencyId", String.valueOf(this.south)).with(csrf()));

		assertThat(FlashMessages.success(again)).isEqualTo("accounts.link.already");
		assertThat(linkedAgencies()).hasSize(2);
		assertThat(auditAgencies("account_linked")).hasSize(2);
	}

	@Test
	void linkWhenTheTargetAgencyIsNotAdministeredByThePersonThenNotFoundAndNothingChanges() throws Exception {
		long stranger = this.fixtures.agency("Stranger Links");
		long viewerOnly = this.fixtures.agency("Viewer Links");
		long adminId = this.jdbc.sql("select id from app_user where email = ?").param(this.admin).query(Long.class).single();
		this.agencies.addMember(viewerOnly, adminId, Role.VIEWER);
		WebSession session = new WebSession(this.mvc, this.admin).inAgency(this.north);

		for (long target : List.of(stranger, viewerOnly)) {
			MvcResult result = session.perform(post("/config/accounts/" + this.account + "/links")
				.param("agencyId", String.valueOf(target)).with(csrf()));
			assertThat(result.getResponse().getStatus()).isEqualTo(404);
		}
		assertThat(linkedAgencies()).containsExactly(this.north);
	}

	@Test
	void accountPageWhenAdminThenOffersOnlyTheAgenciesThatCanStillBeLinkedAndTheUnlinkAndOwnerForms() throws Exception {
		String page = new WebSession(this.mvc, this.admin).inAgency(this.north)
			.perform(get("/config/accounts/" + this.account))
			.getResponse()
			.getContentAsString();

		String linkForm = page.substring(page.indexOf("id=\"link-agency\""), page.indexOf("</select>", page.indexOf("id=\"link-agency\"")));
		assertThat(page).contains("Link to agency…", "/config/accounts/" + this.account + "/unlink", "name=\"ownerEmail\"");
		assertThat(linkForm).contains(">" + this.fixtures.agencyName(this.south) + "<")
			.doesNotContain(this.fixtures.agencyName(this.north));
	}

	@Test
	void unlinkWhenOtherAgenciesRemainThenOnlyThisAgencysLinkAndAutomationsGoAndTheOthersKeepAValidToken() throws Exception {
		this.directory.link(this.south, this.account);
		long northAutomation = automation(this.north);
		long southAutomation = automation(this.south);
		WebSession session = new WebSession(this.mvc, this.admin).inAgency(this.north);

		String confirmation = session.perform(get("/config/accounts/" + this.account + "/unlink")).getResponse().getContentAsString();
		MvcResult result = session.perform(post("/config/accounts/" + this.account + "/unlink").with(csrf()));

		assertThat(confirmation).contains("stops syncing the campaigns of", "automations on it are removed",
				"The other agencies it is linked to keep it").doesNotContain("the token is revoked");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts");
		assertThat(FlashMessages.success(result)).isEqualTo("accounts.unlink.done");
		assertThat(linkedAgencies()).containsExactly(this.south);
		assertThat(automationIds()).containsExactly(southAutomation).doesNotContain(northAutomation);
		assertThat(this.tokens.find(this.account).orElseThrow().status()).isEqualTo(TokenStatus.VALID);
		assertThat(this.tokens.accessToken(this.account)).isPresent();
		assertThat(revocations()).isZero();
		assertThat(this.directory.find(this.account).orElseThrow().archived()).isFalse();
		assertThat(session.perform(get("/config/accounts")).getResponse().getContentAsString())
			.as("the list of the agency that has it no more").doesNotContain(name());
	}

	@Test
	void unlinkWhenItIsTheLastLinkThenTheTokenIsQueuedForRevocationItsCiphertextGoesAndTheAccountIsArchivedAndHidden()
			throws Exception {
		automation(this.north);
		WebSession session = new WebSession(this.mvc, this.admin).inAgency(this.north);

		String confirmation = session.perform(get("/config/accounts/" + this.account + "/unlink")).getResponse().getContentAsString();
		MvcResult result = session.perform(post("/config/accounts/" + this.account + "/unlink").with(csrf()));

		assertThat(confirmation).contains("This is the last agency it is linked to: the token is revoked at Facebook");
		assertThat(FlashMessages.success(result)).isEqualTo("accounts.unlink.doneLast");
		assertThat(linkedAgencies()).isEmpty();
		assertThat(revocations()).isOne();
		assertThat(this.tokens.find(this.account).orElseThrow().status()).isEqualTo(TokenStatus.INVALIDATED);
		assertThat(this.tokens.accessToken(this.account)).isEmpty();
		assertThat(this.jdbc.sql("select access_token_ciphertext is null from account_token where account_id = ?")
			.param(this.account).query(Boolean.class).single()).isTrue();
		assertThat(automationIds()).isEmpty();
		assertThat(this.directory.find(this.account).orElseThrow().archived()).as("kept for the audit").isTrue();
		assertThat(session.perform(get("/config/accounts/" + this.account)).getResponse().getStatus()).isEqualTo(404);
		assertThat(session.perform(get("/config/accounts?q=" + name().split(" ")[2])).getResponse().getContentAsString())
			.doesNotContain(name());
	}

	@Test
	void unlinkWhenDoneTwiceThenTheSecondSaysNotLinkedAndChangesNothing() throws Exception {
		this.directory.link(this.south, this.account);
		WebSession session = new WebSession(this.mvc, this.admin).inAgency(this.north);
		session.perform(post("/config/accounts/" + this.account + "/unlink").with(csrf()));

		MvcResult again = session.perform(post("/config/accounts/" + this.account + "/unlink").with(csrf()));

		assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts");
		assertThat(FlashMessages.error(again)).isEqualTo("accounts.unlink.notLinked");
		assertThat(linkedAgencies()).containsExactly(this.south);
		assertThat(auditAgencies("account_unlinked")).containsExactly(this.north);
	}

	@Test
	void unlinkWhenBothLastAgenciesUnlinkAtOnceThenTheAccountIsArchivedOnceWithOneRevocation() throws Exception {
		this.directory.link(this.south, this.account);
		WebSession inNorth = new WebSession(this.mvc, this.admin).inAgency(this.north);
		WebSession inSouth = new WebSession(this.mvc, this.admin).inAgency(this.south);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<MvcResult>> both = List.of(
					() -> inNorth.perform(post("/config/accounts/" + this.account + "/unlink").with(csrf())),
					() -> inSouth.perform(post("/config/accounts/" + this.account + "/unlink").with(csrf())));
			for (Future<MvcResult> done : pool.invokeAll(both)) {
				assertThat(FlashMessages.success(done.get())).isNotNull();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(linkedAgencies()).isEmpty();
		assertThat(revocations()).isOne();
		assertThat(this.directory.find(this.account).orElseThrow().archived()).isTrue();
	}

	@Test
	void linkUnlinkAndOwnerWhenViewerOrManagerThenForbiddenAndNothingChanges() throws Exception {
		for (Role role : List.of(Role.VIEWER, Role.MANAGER)) {
			String member = this.fixtures.member(this.north, role);
			long memberId = this.jdbc.sql("select id from app_user where email = ?").param(member).query(Long.class).single();
			this.agencies.addMember(this.south, memberId, Role.ADMIN);
			WebSession session = new WebSession(this.mvc, member).inAgency(this.north);

			assertThat(status(session, post("/config/accounts/" + this.account + "/links")
				.param("agencyId", String.valueOf(this.south)).with(csrf()))).isEqualTo(403);
			assertThat(status(session, get("/config/accounts/" + this.account + "/unlink"))).isEqualTo(403);
			assertThat(status(session, post("/config/accounts/" + this.account + "/unlink").with(csrf()))).isEqualTo(403);
			assertThat(status(session, post("/config/accounts/" + this.account + "/owner")
				.param("ownerEmail", "new@harbor.test").with(csrf()))).isEqualTo(403);
		}
		assertThat(linkedAgencies()).containsExactly(this.north);
		assertThat(this.directory.find(this.account).orElseThrow().ownerEmail()).isEqualTo("owner@harbor.test");
	}

	@Test
	void linkUnlinkAndOwnerWhenTheAccountIsNotLinkedToTheCurrentAgencyThenNotFound() throws Exception {
		long elsewhere = this.fixtures.account(Publisher.X, "88" + AccountFixtures.unique(), "Elsewhere",
				"owner@elsewhere.test", this.fixtures.agency("Elsewhere Links"));
		WebSession session = new WebSession(this.mvc, this.admin).inAgency(this.north);

		assertThat(status(session, post("/config/accounts/" + elsewhere + "/links")
			.param("agencyId", String.valueOf(this.south)).with(csrf()))).isEqualTo(404);
		assertThat(status(session, get("/config/accounts/" + elsewhere + "/unlink"))).isEqualTo(404);
		assertThat(status(session, post("/config/accounts/" + elsewhere + "/unlink").with(csrf()))).isEqualTo(404);
		assertThat(status(session, post("/config/accounts/" + elsewhere + "/owner")
			.param("ownerEmail", "x@y.test").with(csrf()))).isEqualTo(404);
		assertThat(status(session, post("/config/accounts/999999999/unlink").with(csrf()))).isEqualTo(404);
	}

	@Test
	void postsWhenTheCsrfTokenIsMissingThenForbidden() throws Exception {
		WebSession session = new WebSession(this.mvc, this.admin).inAgency(this.north);

		assertThat(status(session, post("/config/accounts/" + this.account + "/links").param("agencyId",
				String.valueOf(this.south)))).isEqualTo(403);
		assertThat(status(session, post("/config/accounts/" + this.account + "/unlink"))).isEqualTo(403);
		assertThat(status(session, post("/config/accounts/" + this.account + "/owner").param("ownerEmail", "a@b.test")))
			.isEqualTo(403);
		assertThat(linkedAgencies()).containsExactly(this.north);
	}

	private static int status(WebSession session,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return session.perform(request).getResponse().getStatus();
	}

	private String name() {
		return this.directory.find(this.account).orElseThrow().name();
	}

	private List<Long> linkedAgencies() {
		return this.jdbc.sql("select agency_id from agency_account_link where account_id = ?")
			.param(this.account)
			.query(Long.class)
			.list();
	}

	private List<Long> auditAgencies(String action) {
		return this.jdbc.sql("select agency_id from audit_event where account_id = ? and action = ?")
			.params(this.account, action)
			.query(Long.class)
			.list();
	}

	private long automation(long agencyId) {
		return this.jdbc.sql("""
				insert into automation (account_id, agency_id, kind, threshold, created_by, created_at)
				values (?, ?, 'AUTOPAUSE', 10, 'test', now()) returning id""")
			.params(this.account, agencyId)
			.query(Long.class)
			.single();
	}

	private List<Long> automationIds() {
		return this.jdbc.sql("select id from automation where account_id = ?").param(this.account).query(Long.class).list();
	}

	private long revocations() {
		return this.jdbc.sql("select count(*) from revocation_request where account_id = ?")
			.param(this.account)
			.query(Long.class)
			.single();
	}

}
