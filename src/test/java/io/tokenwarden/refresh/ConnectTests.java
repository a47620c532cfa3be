package io.tokenwarden.refresh;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.flash.Flash;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.sandbox.SandboxUsers;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Connect Facebook account" and "Connect X account" end to end against the demo's sandbox publishers:
 * a new identity, one another agency connected already (even invalidated), one already linked here,
 * cancelled, replayed and concurrent consents, and who may start one.
 */
class ConnectTests extends SandboxRefreshSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	AccountTokens tokens;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TransactionTemplate transactions;

	private long agency;

	private String admin;

	@BeforeEach
	void anAgencyAndItsAdmin() {
		this.agency = this.agencies.createAgency(TestData.unique("Connect Agency"));
		this.admin = "connect-admin-" + System.nanoTime() + "@agency.test";
		this.agencies.addMember(this.agency, this.agencies.createUser(this.admin, "Connect Admin", "x".repeat(16)),
				Role.ADMIN);
	}

	@Test
	void connectFacebookWhenTheIdentityIsNewThenTheAccountIsMadeLinkedCheckedAuditedAndItsPageShown() throws Exception {
		String person = SandboxUsers.newPerson(this.context, Publisher.FACEBOOK, TestData.unique("Cedar Bakery"));
		WebSession session = session();

		MvcResult result = session.perform(get(URI.create(consentAtFacebook(startConnect(session, "FACEBOOK"), person, "continue"))));

		PublisherAccount account = this.accounts.find(Publisher.FACEBOOK, person).orElseThrow();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts/" + account.id());
		assertThat(FlashMessages.success(result)).isEqualTo("connect.done");
		assertThat(FlashMessages.arguments(result, Flash.Level.SUCCESS)).containsExactly(account.name());
		assertThat(account.name()).startsWith("Cedar Bakery");
		assertThat(account.ownerEmail()).isEqualTo(this.admin);
		assertThat(linkedAgencies(account.id())).containsExactly(this.agency);
		assertThat(this.tokens.find(account.id()).orElseThrow().status()).isEqualTo(TokenStatus.VALID);
		assertThat(this.tokens.find(account.id()).orElseThrow().lastCheckedAt()).as("checked at once").isNotNull();
		assertThat(this.accounts.assets(account.id())).isNotEmpty();
		assertThat(audit(account.id(), "connected")).containsExactly(this.agency);
		String page = session.perform(get("/config/accounts/" + account.id())).getResponse().getContentAsString();
		assertThat(page).contains(account.name(), "Valid").doesNotContain("never");
	}

	@Test
	void connectXWhenTheIdentityIsNewThenTheAccountIsMadeWithItsSignedTokenAndDoesNotExpire() throws Exception {
		String person = SandboxUsers.newPerson(this.context, Publisher.X, TestData.unique("Cedar Kites"));
		WebSession session = session();

		MvcResult result = session.perform(get(URI.create(authorizeAtX(startConnect(session, "X"), person, "continue"))));

		PublisherAccount account = this.accounts.find(Publisher.X, person).orElseThrow();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts/" + account.id());
		assertThat(FlashMessages.success(result)).isEqualTo("connect.done");
		assertThat(this.tokens.tokenSecret(account.id())).isPresent();
		assertThat(this.tokens.find(account.id()).orElseThrow().expiresAt()).isNull();
		assertThat(this.tokens.find(account.id()).orElseThrow().lastCheckedAt()).isNotNull();
		assertThat(this.tokens.find(account.id()).orElseThrow().status()).isEqualTo(TokenStatus.VALID);
		assertThat(linkedAgencies(account.id())).containsExactly(this.agency);
	}

	@Test
	void connectWhenAnotherAgencyHasTheIdentityInvalidatedThenItIsLinkedHereValidForBothAndBothAuditsSayIt()
			throws Exception {
		long other = this.agencies.createAgency(TestData.unique("Other Connect Agency"));
		long known = this.data.sandboxAccount(Publisher.FACEBOOK, TestData.unique("Known Florist"), name(other));
		String externalId = this.accounts.find(known).orElseThrow().externalId();
		this.transactions.executeWithoutResult(s -> this.tokens.invalidate(known, "USER_LEFT", null, "test"));
		long accountsBefore = countAccounts();
		WebSession session = session();

		MvcResult result = session.perform(get(URI.create(consentAtFacebook(startConnect(session, "FACEBOOK"), externalId, "continue"))));

		assertThat(FlashMessages.success(result)).isEqualTo("connect.known");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts/" + known);
		assertThat(countAccounts()).as("never a second account for one identity").isEqualTo(accountsBefore);
		assertThat(linkedAgencies(known)).containsExactlyInAnyOrder(this.agency, other);
		assertThat(this.tokens.find(known).orElseThrow().status()).isEqualTo(TokenStatus.VALID);
		assertThat(this.tokens.accessToken(known)).isPresent();
		assertThat(audit(known, "connected")).containsExactlyInAnyOrder(this.agency, other);
	}

	@Test
	void connectWhenTheIdentityIsAlreadyLinkedHereThenItIsARefreshAndTheMessageSaysSo() throws Exception {
		long known = this.data.sandboxAccount(Publisher.X, TestData.unique("Linked Kites"), name(this.agency));
		String externalId = this.accounts.find(known).orElseThrow().externalId();
		String before = this.tokens.accessToken(known).orElseThrow().reveal();
		WebSession session = session();

		MvcResult result = session.perform(get(URI.create(authorizeAtX(startConnect(session, "X"), externalId, "continue"))));

		assertThat(FlashMessages.success(result)).isEqualTo("connect.alreadyLinked");
		assertThat(linkedAgencies(known)).containsExactly(this.agency);
		assertThat(this.tokens.accessToken(known).orElseThrow().reveal()).isNotEqualTo(before);
	}

	@Test
	void connectWhenCancelledAtThePublisherThenNothingIsCreatedAndTheAttemptIsAudited() throws Exception {
		String person = SandboxUsers.newPerson(this.context, Publisher.FACEBOOK, TestData.unique("Shy Cafe"));
		String xPerson = SandboxUsers.newPerson(this.context, Publisher.X, TestData.unique("Shy Kites"));
		WebSession session = session();

		MvcResult facebook = session.perform(get(URI.create(consentAtFacebook(startConnect(session, "FACEBOOK"), person, "cancel"))));
		MvcResult x = session.perform(get(URI.create(authorizeAtX(startConnect(session, "X"), xPerson, "cancel"))));

		assertThat(FlashMessages.error(facebook)).isEqualTo("connect.cancelled");
		assertThat(FlashMessages.error(x)).isEqualTo("connect.cancelled");
		assertThat(facebook.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts");
		assertThat(this.accounts.find(Publisher.FACEBOOK, person)).isEmpty();
		assertThat(this.accounts.find(Publisher.X, xPerson)).isEmpty();
		assertThat(agencyAudit("connect_failed")).hasSize(2);
	}

	@Test
	void connectWhenTheCallbackIsReplayedOrFromAnotherSessionThenNothingIsCreatedTwice() throws Exception {
		String person = SandboxUsers.newPerson(this.context, Publisher.FACEBOOK, TestData.unique("Replay Cafe"));
		WebSession session = session();
		String callback = consentAtFacebook(startConnect(session, "FACEBOOK"), person, "continue");

		MvcResult foreign = session().perform(get(URI.create(callback)));
		assertThat(foreign.getResponse().getStatus()).isEqualTo(400);
		assertThat(this.accounts.find(Publisher.FACEBOOK, person)).isEmpty();

		session.perform(get(URI.create(callback)));
		MvcResult replayed = session.perform(get(URI.create(callback)));
		assertThat(replayed.getResponse().getStatus()).isEqualTo(400);
		assertThat(countAccounts(person)).isOne();
	}

	@Test
	void connectWhenClickedTwiceThenOnlyTheLastConsentIsPendingAndOneAccountResults() throws Exception {
		String person = SandboxUsers.newPerson(this.context, Publisher.FACEBOOK, TestData.unique("Double Click Cafe"));
		WebSession session = session();
		String first = startConnect(session, "FACEBOOK");
		String second = startConnect(session, "FACEBOOK");

		MvcResult stale = session.perform(get(URI.create(consentAtFacebook(first, person, "continue"))));
		MvcResult current = session.perform(get(URI.create(consentAtFacebook(second, person, "continue"))));

		assertThat(stale.getResponse().getStatus()).isEqualTo(400);
		assertThat(FlashMessages.success(current)).isEqualTo("connect.done");
		assertThat(countAccounts(person)).isOne();
		assertThat(linkedAgencies(this.accounts.find(Publisher.FACEBOOK, person).orElseThrow().id())).hasSize(1);
	}

	@Test
	void connectWhenTwoAgenciesConnectTheSameIdentityAtOnceThenOneAccountWithBothLinks() throws Exception {
		String person = SandboxUsers.newPerson(this.context, Publisher.FACEBOOK, TestData.unique("Race Cafe"));
		long other = this.agencies.createAgency(TestData.unique("Race Agency"));
		CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Long> first = pool.submit(() -> this.transactions.execute(s -> {
				long id = this.accounts.connect(this.agency, Publisher.FACEBOOK, person, "Race Cafe", "a@race.test")
					.account()
					.id();
				firstHoldsTheLock.countDown();
				waitFor(release);
				return id;
			}));
			assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Long> second = pool.submit(() -> this.transactions.execute(s -> this.accounts
				.connect(other, Publisher.FACEBOOK, person, "Race Cafe", "b@race.test").account().id()));
			await().atMost(java.time.Duration.ofSeconds(30)).until(this::someoneWaitsOnALock);
			release.countDown();

			assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(first.get(30, TimeUnit.SECONDS));
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		assertThat(countAccounts(person)).isOne();
		assertThat(linkedAgencies(this.accounts.find(Publisher.FACEBOOK, person).orElseThrow().id()))
			.containsExactlyInAnyOrder(this.agency, other);
	}

	@Test
	void connectWhenViewerOrManagerThenForbiddenAndNoConsentStarts() throws Exception {
		for (Role role : List.of(Role.VIEWER, Role.MANAGER)) {
			String member = role.name().toLowerCase() + "-" + System.nanoTime() + "@agency.test";
			this.agencies.addMember(this.agency, this.agencies.createUser(member, "Member", "x".repeat(16)), role);
			WebSession session = new WebSession(this.mvc, member).inAgency(this.agency);
			for (String publisher : List.of("FACEBOOK", "X")) {
				MvcResult result = session.perform(post("/config/accounts/connect").param("publisher", publisher).with(csrf()));
				assertThat(result.getResponse().getStatus()).isEqualTo(403);
			}
			String page = session.perform(get("/config/accounts")).getResponse().getContentAsString();
			assertThat(page).doesNotContain("Connect Facebook account", "Connect X account");
		}
		assertThat(agencyAudit("connect_started")).isEmpty();
	}

	@Test
	void connectWhenTheCsrfTokenIsMissingOrThePublisherUnknownThenNothingStarts() throws Exception {
		WebSession session = session();

		MvcResult noCsrf = session.perform(post("/config/accounts/connect").param("publisher", "FACEBOOK"));
		MvcResult unknown = session.perform(post("/config/accounts/connect").param("publisher", "MYSPACE").with(csrf()));

		assertThat(noCsrf.getResponse().getStatus()).isEqualTo(403);
		assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts");
		assertThat(FlashMessages.error(unknown)).isEqualTo("connect.unknownPublisher");
		assertThat(agencyAudit("connect_started")).isEmpty();
	}

	@Test
	void emptyStateWhenAdminThenShowsBothConnectButtonsWithWhatHappensNext() throws Exception {
		String page = session().perform(get("/config/accounts")).getResponse().getContentAsString();

		assertThat(page).contains("No publisher accounts are linked to this agency yet.", "Connect Facebook account",
				"Connect X account", "you sign in at the publisher", "name=\"publisher\" value=\"FACEBOOK\"",
				"name=\"publisher\" value=\"X\"");
	}

	private WebSession session() throws Exception {
		return new WebSession(this.mvc, this.admin).inAgency(this.agency);
	}

	/** Clicks "Connect … account"; the consent URL it answers. */
	private String startConnect(WebSession session, String publisher) throws Exception {
		MvcResult result = session.perform(post("/config/accounts/connect").param("publisher", publisher).with(csrf()));
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	/** Continues (or cancels) at the sandbox Facebook as {@code externalId}; the callback URL it answers. */
	private String consentAtFacebook(String dialogUrl, String externalId, String decision) throws Exception {
		Map<String, String> query = RefreshTestSupport.query(dialogUrl);
		var request = post(URI.create(dialogUrl).getPath()).with(csrf());
		query.forEach(request::param);
		request.param("sandbox_user", String.valueOf(SandboxUsers.sandboxId(this.context, Publisher.FACEBOOK, externalId)))
			.param("sandbox_level", "ADMIN")
			.param("sandbox_decision", decision);
		return this.mvc.perform(request).andReturn().getResponse().getHeader("Location");
	}

	private String authorizeAtX(String authorizeUrl, String externalId, String decision) throws Exception {
		MvcResult result = this.mvc.perform(post("/sandbox/x/oauth/authorize").with(csrf())
			.param("oauth_token", RefreshTestSupport.query(authorizeUrl).get("oauth_token"))
			.param("sandbox_user", String.valueOf(SandboxUsers.sandboxId(this.context, Publisher.X, externalId)))
			.param("sandbox_decision", decision)).andReturn();
		return result.getResponse().getHeader("Location");
	}

	private String name(long agencyId) {
		return this.jdbc.sql("select name from agency where id = ?").param(agencyId).query(String.class).single();
	}

	private List<Long> linkedAgencies(long accountId) {
		return this.jdbc.sql("select agency_id from agency_account_link where account_id = ?")
			.param(accountId).query(Long.class).list();
	}

	private List<Long> audit(long accountId, String action) {
		return this.jdbc.sql("select agency_id from audit_event where account_id = ? and action = ?")
			.params(accountId, action).query(Long.class).list();
	}

	private List<String> agencyAudit(String action) {
		return this.jdbc.sql("select detail from audit_event where agency_id = ? and action = ?")
			.params(this.agency, action).query(String.class).list();
	}

	private long countAccounts() {
		return this.jdbc.sql("select count(*) from publisher_account").query(Long.class).single();
	}

	private long countAccounts(String externalId) {
		return this.jdbc.sql("select count(*) from publisher_account where external_id = ?")
			.param(externalId).query(Long.class).single();
	}

	private boolean someoneWaitsOnALock() {
		return this.jdbc.sql("select exists (select 1 from pg_stat_activity where wait_event_type = 'Lock')")
			.query(Boolean.class).single();
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
