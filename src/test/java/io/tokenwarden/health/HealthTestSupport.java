package io.tokenwarden.health;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.notifications.TestSmtp;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.testsupport.MutableClock;
import io.tokenwarden.testsupport.PublisherServer;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenSecret;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The health tests, in the shared {@link DemoConsoleTest} context: Facebook and X imitated token by token
 * ({@link PublisherImitation}) by the shared WireMock server, GreenMail as the mail server, and the clock
 * the tests move. Each test
 * makes its own accounts and makes them due; other tests' accounts may be due too, so assertions are
 * about the test's own accounts and owners.
 */
@DemoConsoleTest
abstract class HealthTestSupport {

	static final PublisherImitation imitation = new PublisherImitation();

	static final WireMockServer publishers = PublisherServer.server();

	@RegisterExtension
	static final TestSmtp smtp = TestSmtp.shared();

	/** Where the publishers and the mail server are, for a second instance. */
	static Map<String, Object> properties() {
		return DemoConsoleTest.Properties.values();
	}

	/** One of the test's accounts: its id, the token the imitation knows it by, and who owns it. */
	record TestAccount(long id, Publisher publisher, String token, String externalId, String name, String owner) {
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	HealthChecks checks;

	@Autowired
	HealthRound round;

	@Autowired
	Notices notices;

	@Autowired
	TestData data;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	AccountTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void imitatePublishers() {
		publishers.resetAll();
		imitation.reset();
		PublisherServer.imitateWith(imitation);
		publishers.stubFor(post(urlPathEqualTo("/v25.0/")).willReturn(aResponse().withTransformers(PublisherImitation.NAME)));
		publishers.stubFor(WireMock.get(urlPathMatching("/v25.0/act_[0-9]+")).willReturn(aResponse().withTransformers(PublisherImitation.NAME)));
		publishers.stubFor(WireMock.get(urlPathEqualTo("/2/users/me")).willReturn(aResponse().withTransformers(PublisherImitation.NAME)));
	}

	/** A test that failed half-way must not leave a publisher paused for the next ones. */
	@AfterEach
	void closeIncidents() {
		imitation.release();
		this.jdbc.sql("update publisher_incident set closed_at = now() where closed_at is null").update();
		for (Publisher publisher : Publisher.values()) {
			this.round.breaker(publisher).reset();
		}
	}

	/**
	 * A new account of the publisher with a valid token of unknown expiry, linked to the agencies (Northwind
	 * when none are named); the imitation answers {@code answer} for its token.
	 */
	TestAccount account(Publisher publisher, PublisherImitation.Answer answer, String... agencyNames) {
		TokenSecret access = TestData.secret();
		TokenSecret tokenSecret = publisher == Publisher.X ? TestData.secret() : null;
		String name = TestData.unique(publisher.displayName() + " Health Shop");
		String[] linkedTo = agencyNames.length == 0 ? new String[] { "Northwind Agency" } : agencyNames;
		long id = this.data.account(publisher, name, access, tokenSecret, linkedTo);
		// TestData's token expires in 30 days; this one's expiry is unknown, so only the publisher's answer counts
		this.jdbc.sql("update account_token set expires_at = null where account_id = ?").param(id).update();
		imitation.answer(access.reveal(), answer);
		var account = this.accounts.find(id).orElseThrow();
		return new TestAccount(id, publisher, access.reveal(), account.externalId(), name, account.ownerEmail());
	}

	/** The same, owned by {@code owner}. */
	TestAccount ownedBy(String owner, Publisher publisher, PublisherImitation.Answer answer, String... agencyNames) {
		TestAccount account = account(publisher, answer, agencyNames);
		this.jdbc.sql("update publisher_account set owner_email = ? where id = ?").params(owner, account.id()).update();
		return new TestAccount(account.id(), publisher, account.token(), account.externalId(), account.name(), owner);
	}

	/** The accounts' checks are due now (by the application's clock). */
	void due(TestAccount... accounts) {
		for (TestAccount account : accounts) {
			this.jdbc.sql("""
					insert into account_health (account_id, next_check_at) values (?, ?)
					on conflict (account_id) do update set next_check_at = excluded.next_check_at, claimed_until = null""")
				// long overdue: before any other test's account in the order the rounds claim them
				.params(account.id(), HealthStore.at(this.clock.instant().minus(Duration.ofDays(365))))
				.update();
		}
	}

	/** A new agency whose only member is admin@demo.test, as ADMIN. */
	long agencyOfDemoAdmin() {
		long agencyId = this.agencies.createAgency(TestData.unique("Health Agency"));
		this.agencies.addMember(agencyId, this.agencies.findUser("admin@demo.test").orElseThrow().id(), Role.ADMIN);
		return agencyId;
	}

	String agencyName(long agencyId) {
		return this.jdbc.sql("select name from agency where id = ?").param(agencyId).query(String.class).single();
	}

	WebSession session(String user) {
		return new WebSession(this.mvc, user);
	}

	/** The page as its text reads (entities decoded). */
	static String page(WebSession session, String path) throws Exception {
		return HtmlUtils.htmlUnescape(session.perform(get(path)).getResponse().getContentAsString());
	}

	String status(TestAccount account) {
		return this.jdbc.sql("select status from account_token where account_id = ?").param(account.id())
			.query(String.class).single();
	}

	String statusReason(TestAccount account) {
		return this.jdbc.sql("select status_reason from account_token where account_id = ?").param(account.id())
			.query(String.class).optional().orElse(null);
	}

	Instant nextCheckAt(TestAccount account) {
		return this.jdbc.sql("select next_check_at from account_health where account_id = ?")
			.param(account.id())
			.query((rs, n) -> HealthStore.instant(rs, "next_check_at"))
			.single();
	}

	/** The account's recorded checks, oldest first, as their outcomes. */
	List<String> checkOutcomes(TestAccount account) {
		return this.jdbc.sql("select outcome from token_check where account_id = ? order by id").param(account.id())
			.query(String.class).list();
	}

	/** The notices waiting for or sent to {@code recipient}, by kind. */
	List<String> noticeKinds(String recipient) {
		return this.jdbc.sql("select kind from notice where recipient = ? order by id").param(recipient)
			.query(String.class).list();
	}

	List<MimeMessage> mailTo(String recipient) {
		return smtp.messagesTo(recipient);
	}

	/** The text part of an email, with plain line ends. */
	static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent()).replace("\r\n", "\n");
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = text(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	static String html(Part part) throws Exception {
		if (part.isMimeType("text/html")) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String html = html(multipart.getBodyPart(i));
				if (html != null) {
					return html;
				}
			}
		}
		return null;
	}

}
