package io.tokenwarden.members;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.notifications.TestSmtp;
import org.springframework.test.util.TestSocketUtils;
import io.tokenwarden.testsupport.MutableClock;
import io.tokenwarden.testsupport.StatementCounter;
import io.tokenwarden.tokens.TokenCipher;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real installation for the team's tests, one context for all of them: the demo off, a bootstrap
 * admin, GreenMail as the SMTP server, a clock the tests move, and the password reset worker held
 * until a test lets it run. Its database is its own, so the lockout tests lock nobody else out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
		"tokenwarden.demo.enabled=false", "tokenwarden.data-dir=target/test-data-team",
		"tokenwarden.bootstrap.admin-email=" + TeamTestSupport.BOSS,
		"tokenwarden.bootstrap.admin-password=" + TeamTestSupport.BOSS_PASSWORD,
		"tokenwarden.bootstrap.agency=Bootstrap Agency" })
@AutoConfigureMockMvc
@Import({ TeamTestSupport.TestBeans.class, StatementCounter.class })
abstract class TeamTestSupport {

	static final String BOSS = "boss@team.test";

	static final String BOSS_PASSWORD = "correct horse battery staple";

	/** A password that passes the policy, for people the tests create. */
	static final String GOOD_PASSWORD = "plum tractor 9 lanterns";

	static final int PORT = TestSocketUtils.findAvailableTcpPort();

	/** {@code tokenwarden.base-url}: outside the demo every redirect is absolute at it (web/PublicAddressFilter). */
	static final String BASE = "http://localhost:" + PORT;

	@RegisterExtension
	static final TestSmtp smtp = new TestSmtp();

	private static final AtomicInteger addresses = new AtomicInteger();

	@DynamicPropertySource
	static void installation(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", smtp::port);
		registry.add("tokenwarden.base-url", () -> BASE);
		String keyset = TokenCipher.generateKeyset();
		registry.add("tokenwarden.encryption.keyset", () -> keyset);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestBeans {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

		@Bean
		@Primary
		HeldResetWorker heldResetWorker() {
			return new HeldResetWorker();
		}

	}

	/** Keeps password reset work until the test runs it, so a test sees what the request thread alone did. */
	static class HeldResetWorker extends ResetWorker {

		private final List<Runnable> held = new ArrayList<>();

		@Override
		synchronized void submit(Runnable task) {
			this.held.add(task);
		}

		synchronized int held() {
			return this.held.size();
		}

		void runAll() {
			List<Runnable> tasks;
			synchronized (this) {
				tasks = new ArrayList<>(this.held);
				this.held.clear();
			}
			tasks.forEach(Runnable::run);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgencyDirectory directory;

	@Autowired
	Notices notices;

	@Autowired
	MutableClock clock;

	@Autowired
	HeldResetWorker resetWorker;

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String uniqueEmail(String prefix) {
		return unique(prefix) + "@team.test";
	}

	/** A client address no other test uses, so that one test's failures never throttle another's. */
	static String uniqueAddress() {
		int n = addresses.incrementAndGet();
		return "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
	}

	/** A new agency whose admin is a new person, both created directly. */
	Agency agencyWithAdmin(String name) {
		long agencyId = this.directory.createAgency(unique(name));
		String email = uniqueEmail("admin");
		long userId = this.directory.createUser(email, "Ada Admin", GOOD_PASSWORD);
		this.directory.addMember(agencyId, userId, Role.ADMIN);
		return new Agency(agencyId, this.directory.agencyName(agencyId).orElseThrow(), email, userId);
	}

	/** A new person, member of the agency with the role. */
	Person memberOf(Agency agency, Role role, String prefix) {
		String email = uniqueEmail(prefix);
		long userId = this.directory.createUser(email, "Pat " + prefix, GOOD_PASSWORD);
		this.directory.addMember(agency.id(), userId, role);
		return new Person(email, userId);
	}

	/** Sends what the outbox holds, and the link the newest email to {@code address} carries. */
	String linkSentTo(String address) throws Exception {
		this.notices.sendDueNow();
		List<MimeMessage> messages = smtp.messagesTo(address);
		assertThat(messages).as("emails to " + address).isNotEmpty();
		String body = TeamMail.text(messages.get(messages.size() - 1));
		Matcher link = Pattern.compile("http://localhost:" + PORT + "(/[a-z/]+/[A-Za-z0-9_-]{43})").matcher(body);
		assertThat(link.find()).as("a link in " + body).isTrue();
		return link.group(1);
	}

	/** A browser of its own, signed in as the person (whose password is {@link #GOOD_PASSWORD}). */
	Visitor signedIn(String email) throws Exception {
		Visitor visitor = new Visitor(this.mvc, uniqueAddress());
		assertThat(visitor.signIn(email, GOOD_PASSWORD)).isEqualTo(BASE + "/config/accounts");
		return visitor;
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	record Agency(long id, String name, String adminEmail, long adminId) {
	}

	record Person(String email, long id) {
	}

}
