package io.tokenwarden.members;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.notifications.TestSmtp;
import io.tokenwarden.testsupport.InstallationTest;
import io.tokenwarden.testsupport.MutableClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team's tests, in the shared {@link InstallationTest} context: a real installation with its bootstrap
 * admin, GreenMail as the SMTP server, the clock the tests move, and the password reset worker held until
 * a test lets it run.
 */
@InstallationTest
abstract class TeamTestSupport {

	static final String BOSS = InstallationTest.BOSS;

	static final String BOSS_PASSWORD = InstallationTest.BOSS_PASSWORD;

	/** A password that passes the policy, for people the tests create. */
	static final String GOOD_PASSWORD = "plum tractor 9 lanterns";

	static final int PORT = InstallationTest.PORT;

	/** {@code tokenwarden.base-url}: outside the demo every redirect is absolute at it (web/PublicAddressFilter). */
	static final String BASE = InstallationTest.BASE;

	@RegisterExtension
	static final TestSmtp smtp = TestSmtp.shared();

	private static final AtomicInteger addresses = new AtomicInteger();

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
