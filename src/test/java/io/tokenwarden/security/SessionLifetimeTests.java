package io.tokenwarden.security;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.web.Formats;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in ends after 30 minutes without use and 12 hours after it began, however active; and on
 * {@code /account/sessions} a person sees where they are signed in and signs out any of those places.
 */
@DemoConsoleTest
class SessionLifetimeTests {

	private static final String PASSWORD = "a long passphrase for sessions";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgencyDirectory directory;

	@Autowired
	UserSessions userSessions;

	@Autowired
	Formats formats;

	@Test
	void sessionWhenUnusedFor31MinutesThenEndedAndBackToSignIn() throws Exception {
		Browser browser = signedIn(newUser());
		assertThat(this.jdbc.sql("select max_inactive_interval from spring_session where session_id = ?")
			.param(idOf(browser)).query(Integer.class).single()).isEqualTo(30 * 60);

		moveLastUse(browser, Duration.ofMinutes(29));
		assertThat(browser.get("/account/sessions").statusCode()).as("29 minutes: still signed in").isEqualTo(200);
		moveLastUse(browser, Duration.ofMinutes(31));
		HttpResponse<String> after = browser.get("/account/sessions");

		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValue("/login");
	}

	@Test
	void sessionWhenSignedInMoreThan12HoursAgoThenEndedHoweverActive() throws Exception {
		Browser browser = signedIn(newUser());
		String id = idOf(browser);
		this.jdbc.sql("update spring_session set creation_time = creation_time - ? where session_id = ?")
			.params(Duration.ofHours(12).plusMinutes(1).toMillis(), id).update();

		HttpResponse<String> after = browser.get("/account/sessions");

		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(stored(id)).isZero();
	}

	@Test
	void sessionsPageThenListsEachSignInWithItsDeviceAddressAndLastUse() throws Exception {
		String email = newUser();
		Browser here = signedIn(email);
		signedIn(email);

		String page = HtmlUtils.htmlUnescape(here.get("/account/sessions").body());

		// "just now" by the application's clock, which other tests of this context moved forward
		assertThat(page).contains("Where you are signed in", "Java HTTP client", "127.0.0.1",
				this.formats.relative(Instant.now()));
		assertThat(count(page, "This device")).isOne();
		assertThat(count(page, ">Sign out there<")).as("the other session").isOne();
		assertThat(page).contains("Sign out everywhere else");
	}

	@Test
	void endWhenAnotherOfMySessionsThenSignedOutThereAndNotHere() throws Exception {
		String email = newUser();
		Browser here = signedIn(email);
		Browser there = signedIn(email);

		HttpResponse<String> end = here.post("/account/sessions/" + UserSessions.handle(idOf(there)) + "/end",
				here.csrfOf("/account/sessions"));

		assertThat(end.headers().firstValue("Location")).hasValue("/account/sessions");
		assertThat(there.get("/account/sessions").statusCode()).isEqualTo(302);
		assertThat(here.get("/account/sessions").statusCode()).isEqualTo(200);
	}

	@Test
	void endWhenTheSessionIsSomeoneElsesThenNotFoundAndItLives() throws Exception {
		Browser mine = signedIn(newUser());
		Browser theirs = signedIn(newUser());

		HttpResponse<String> end = mine.post("/account/sessions/" + UserSessions.handle(idOf(theirs)) + "/end",
				mine.csrfOf("/account/sessions"));

		assertThat(end.statusCode()).isEqualTo(404);
		assertThat(theirs.get("/account/sessions").statusCode()).isEqualTo(200);
	}

	@Test
	void endWhenWithoutTheCsrfTokenThenRefusedAndItLives() throws Exception {
		String email = newUser();
		Browser here = signedIn(email);
		Browser there = signedIn(email);

		assertThat(here.post("/account/sessions/" + UserSessions.handle(idOf(there)) + "/end").statusCode()).isEqualTo(403);
		assertThat(there.get("/account/sessions").statusCode()).isEqualTo(200);
	}

	@Test
	void endWhenItIsThisSessionThenSignedOut() throws Exception {
		Browser here = signedIn(newUser());
		String id = idOf(here);

		HttpResponse<String> end = here.post("/account/sessions/" + UserSessions.handle(id) + "/end",
				here.csrfOf("/account/sessions"));

		assertThat(end.headers().firstValue("Location")).hasValue("/login?logout");
		assertThat(stored(id)).isZero();
	}

	@Test
	void endOthersThenEverySessionButThisOneIsSignedOut() throws Exception {
		String email = newUser();
		Browser here = signedIn(email);
		Browser second = signedIn(email);
		Browser third = signedIn(email);
		Browser someoneElse = signedIn(newUser());

		HttpResponse<String> end = here.post("/account/sessions/others/end", here.csrfOf("/account/sessions"));

		assertThat(end.headers().firstValue("Location")).hasValue("/account/sessions");
		assertThat(HtmlUtils.htmlUnescape(here.get("/account/sessions").body())).contains("Signed out everywhere else (2");
		assertThat(second.get("/account/sessions").statusCode()).isEqualTo(302);
		assertThat(third.get("/account/sessions").statusCode()).isEqualTo(302);
		assertThat(someoneElse.get("/account/sessions").statusCode()).isEqualTo(200);
	}

	@Test
	void endOthersForAPasswordChangeThenKeepsOnlyTheGivenSession() throws Exception {
		String email = newUser();
		Browser kept = signedIn(email);
		Browser ended = signedIn(email);

		int count = this.userSessions.endOthers(email, idOf(kept));

		assertThat(count).isOne();
		assertThat(stored(idOf(ended))).isZero();
		assertThat(kept.get("/account/sessions").statusCode()).isEqualTo(200);
		assertThat(this.userSessions.endOthers(email, null)).as("null keeps none").isOne();
	}

	private String newUser() {
		String email = "sessions-" + UUID.randomUUID() + "@test.example";
		this.directory.createUser(email, "Session Tester", PASSWORD);
		return email;
	}

	private Browser signedIn(String email) throws Exception {
		Browser browser = new Browser(this.port);
		browser.get("/login");
		assertThat(browser.signIn(email, PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");
		return browser;
	}

	private void moveLastUse(Browser browser, Duration ago) {
		this.jdbc.sql("""
				update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000
				where session_id = ?""")
			.params(System.currentTimeMillis() - ago.toMillis(), System.currentTimeMillis() - ago.toMillis(), idOf(browser))
			.update();
	}

	private long stored(String id) {
		return this.jdbc.sql("select count(*) from spring_session where session_id = ?").param(id).query(Long.class).single();
	}

	private static String idOf(Browser browser) {
		return new String(Base64.getDecoder().decode(browser.session()), StandardCharsets.UTF_8);
	}

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}
