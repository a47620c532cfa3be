package io.tokenwarden.refresh;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.linktokens.LinkPurpose;
import io.tokenwarden.linktokens.LinkTokens;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.sandbox.SandboxUsers;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenStatus;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An account owner's reconnect through an email link, signed in to nothing, against the demo's sandbox
 * publishers: a wrong identity changes nothing and keeps the link, the right one stores the token for
 * every agency and spends the link, and the link opens no console page.
 */
class OwnerReconnectTests extends SandboxRefreshSupport {

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	AccountTokens tokens;

	@Autowired
	LinkTokens links;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationContext context;

	@Test
	void reconnectWhenTheOwnerSignsInAsSomeoneElseThenNothingChangesAndTheLinkStillWorks() throws Exception {
		long id = expired(Publisher.FACEBOOK);
		String other = SandboxUsers.newPerson(this.context, Publisher.FACEBOOK, TestData.unique("Somebody Else"));
		String before = this.tokens.accessToken(id).orElseThrow().reveal();
		String token = link(id);
		LinkVisitor owner = new LinkVisitor();

		MvcResult wrong = owner.perform(get(URI.create(consentAtFacebook(start(owner, token), other))));

		assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/reconnect/done");
		MvcResult told = owner.perform(get("/reconnect/done"));
		assertThat(told.getResponse().getContentAsString()).contains("Not reconnected", "You signed in at Facebook as",
				other, "but this link is for", name(id), "your link still works");
		assertThat(status(id)).isEqualTo("EXPIRED");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(before);
		assertThat(audit(id, "reconnect_failed")).singleElement().asString().contains("account mismatch");

		// the same link, now as the account's own user
		MvcResult right = owner.perform(get(URI.create(consentAtFacebook(start(owner, token), externalId(id)))));

		MvcResult done = owner.perform(get("/reconnect/done"));
		assertThat(done.getResponse().getContentAsString()).contains("Reconnected, thank you", name(id),
				"is connected again");
		assertThat(status(id)).isEqualTo("VALID");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isNotEqualTo(before);
		assertThat(audit(id, "reconnected")).hasSize(2)
			.allSatisfy(detail -> assertThat(detail).contains("reconnected by the owner through an email link",
					"EXPIRED → VALID", "gained:"));
		assertThat(this.jdbc.sql("select count(*) from notice where account_id = ? and kind = 'RECONNECTED'")
			.param(id).query(Long.class).single()).isOne();
		// spent: the link's page is the clear page now
		MvcResult spent = owner.perform(get("/reconnect/" + token));
		assertThat(spent.getResponse().getStatus()).isEqualTo(404);
		assertThat(spent.getResponse().getContentAsString()).contains("Please ask your agency for a new link");
	}

	@Test
	void reconnectXWhenTheOwnerAuthorizesTheirOwnUserThenValidEverywhereAndTheLinkIsSpent() throws Exception {
		long id = expired(Publisher.X);
		String token = link(id);
		LinkVisitor owner = new LinkVisitor();

		String authorize = start(owner, token);
		assertThat(authorize).contains("/sandbox/x/oauth/authorize?oauth_token=");
		MvcResult result = owner.perform(get(URI.create(authorizeAtX(authorize, externalId(id)))));

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reconnect/done");
		assertThat(result.getFlashMap().get(ReconnectOutcome.ATTRIBUTE))
			.isInstanceOfSatisfying(ReconnectOutcome.class, outcome -> assertThat(outcome.success()).isTrue());
		assertThat(status(id)).isEqualTo("VALID");
		assertThat(this.tokens.tokenSecret(id)).isPresent();
		assertThat(audit(id, "reconnected")).hasSize(2);
		assertThat(owner.perform(get("/reconnect/" + token)).getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void linkPageShowsTheAccountItsAgenciesWhatIsPausedAndOneButtonAndOpensNoConsolePage() throws Exception {
		long id = expired(Publisher.FACEBOOK);
		String token = link(id);
		LinkVisitor owner = new LinkVisitor();

		MvcResult page = owner.perform(get("/reconnect/" + token));

		String html = page.getResponse().getContentAsString();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(html).contains("Facebook", name(id), "Northwind Agency", "Contoso Media", "campaign sync",
				"is paused", "Reconnect with Facebook").doesNotContain("Reconnect with X", "/config/", "agency-switch");
		assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(page.getResponse().getHeader("X-Robots-Tag")).isEqualTo("noindex");
		// nothing but the app's own resources
		assertThat(html).doesNotContainPattern("(src|href)=\"https?://");

		// the session the link's page (and the consent) uses is signed in to nothing
		owner.perform(post("/reconnect/" + token).with(csrf()));
		for (String console : List.of("/config/accounts", "/config/accounts/" + id, "/config/notifications",
				"/dev/mail")) {
			MvcResult result = owner.perform(get(console));
			assertThat(result.getResponse().getStatus()).as(console).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(console).endsWith("/login");
		}
		assertThat(owner.perform(post("/config/accounts/{id}/refresh", id).with(csrf())).getResponse()
			.getRedirectedUrl()).endsWith("/login");
		assertThat(status(id)).isEqualTo("EXPIRED");
	}

	@Test
	void linkPageWhenTheLinkIsUnknownOrSpentThenTheSameClearPage() throws Exception {
		long id = expired(Publisher.FACEBOOK);
		String token = link(id);
		String spent = link(id);
		LinkVisitor owner = new LinkVisitor();

		MvcResult unknown = owner.perform(get("/reconnect/" + "A".repeat(43)));
		MvcResult malformed = owner.perform(get("/reconnect/nonsense"));
		MvcResult used = owner.perform(get("/reconnect/" + token));
		MvcResult usedPost = owner.perform(post("/reconnect/" + token).with(csrf()));

		assertThat(owner.perform(get("/reconnect/" + spent)).getResponse().getStatus()).isEqualTo(200);
		for (MvcResult result : List.of(unknown, malformed, used, usedPost)) {
			assertThat(result.getResponse().getStatus()).isEqualTo(404);
			assertThat(result.getResponse().getContentAsString()).contains("This link no longer works",
					"Please ask your agency for a new link").doesNotContain(name(id), "Northwind");
		}
		assertThat(used.getResponse().getContentAsString()).isEqualTo(unknown.getResponse().getContentAsString());
		assertThat(owner.perform(get("/reconnect/done")).getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void linkPageWhenOneLinkOrOneAddressTriesTooOftenThenRefused() throws Exception {
		long id = expired(Publisher.FACEBOOK);
		String token = link(id);
		LinkVisitor owner = new LinkVisitor();
		for (int i = 0; i < 20; i++) {
			assertThat(owner.perform(get("/reconnect/" + token)).getResponse().getStatus()).isEqualTo(200);
		}

		assertThat(owner.perform(get("/reconnect/" + token)).getResponse().getStatus()).isEqualTo(429);
		assertThat(new LinkVisitor().perform(get("/reconnect/" + token)).getResponse().getStatus())
			.as("per link, whatever the address").isEqualTo(429);

		LinkVisitor guesser = new LinkVisitor();
		for (int i = 0; i < 60; i++) {
			guesser.perform(get("/reconnect/" + "G".repeat(42) + (char) ('a' + i % 26)));
		}
		assertThat(guesser.perform(get("/reconnect/" + link(expired(Publisher.FACEBOOK)))).getResponse().getStatus())
			.as("per address, whatever the link").isEqualTo(429);
	}

	/** An expired account of two agencies, known to the sandbox publisher. */
	private long expired(Publisher publisher) {
		long id = this.data.sandboxAccount(publisher, TestData.unique("Owner Reconnect Shop"), "Northwind Agency",
				"Contoso Media");
		this.tokens.changeStatus(id, TokenStatus.EXPIRED, "PASSWORD_CHANGED", null, "test");
		return id;
	}

	/** A new reconnect link for the account, as the notice sender mints it; older ones stop working. */
	private String link(long id) {
		Instant now = Instant.now();
		return this.transactions.execute(
				status -> this.links.reissue(LinkPurpose.RECONNECT, id, now.plus(Duration.ofDays(7)), now));
	}

	/** "Reconnect with …" on the link's page; the publisher's consent URL it sends the browser to. */
	private String start(LinkVisitor owner, String token) throws Exception {
		assertThat(owner.perform(get("/reconnect/" + token)).getResponse().getStatus()).isEqualTo(200);
		MvcResult result = owner.perform(post("/reconnect/" + token).with(csrf()));
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		return result.getResponse().getRedirectedUrl();
	}

	/** Continues at the sandbox Facebook as {@code externalId}; the callback URL it answers. */
	private String consentAtFacebook(String dialogUrl, String externalId) throws Exception {
		Map<String, String> query = RefreshTestSupport.query(dialogUrl);
		var request = post(URI.create(dialogUrl).getPath()).with(csrf());
		query.forEach(request::param);
		request.param("sandbox_user", String.valueOf(SandboxUsers.sandboxId(this.context, Publisher.FACEBOOK, externalId)))
			.param("sandbox_level", "ADMIN")
			.param("sandbox_decision", "continue");
		return this.mvc.perform(request).andReturn().getResponse().getHeader("Location");
	}

	private String authorizeAtX(String authorizeUrl, String externalId) throws Exception {
		MvcResult result = this.mvc.perform(post("/sandbox/x/oauth/authorize").with(csrf())
			.param("oauth_token", RefreshTestSupport.query(authorizeUrl).get("oauth_token"))
			.param("sandbox_user", String.valueOf(SandboxUsers.sandboxId(this.context, Publisher.X, externalId)))
			.param("sandbox_decision", "continue")).andReturn();
		return result.getResponse().getHeader("Location");
	}

	private String externalId(long id) {
		return this.accounts.find(id).orElseThrow().externalId();
	}

	private String name(long id) {
		return this.accounts.find(id).orElseThrow().name();
	}

	private String status(long id) {
		return this.jdbc.sql("select status from account_token where account_id = ?").param(id).query(String.class).single();
	}

	private List<String> audit(long id, String action) {
		return this.jdbc.sql("select detail from audit_event where account_id = ? and action = ?")
			.params(id, action).query(String.class).list();
	}

	/** A browser that follows the email's link: signed in to nothing, keeping its SESSION cookie, from an address of its own. */
	private final class LinkVisitor {

		private final String address = "10.15." + addresses.incrementAndGet() / 250 + "." + addresses.get() % 250;

		private Cookie session;

		MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
			request.with(r -> {
				r.setRemoteAddr(this.address);
				return r;
			});
			if (this.session != null) {
				request.cookie(this.session);
			}
			MvcResult result = OwnerReconnectTests.this.mvc.perform(request).andReturn();
			Cookie issued = result.getResponse().getCookie("SESSION");
			if (issued != null) {
				this.session = issued;
			}
			return result;
		}

	}

}
