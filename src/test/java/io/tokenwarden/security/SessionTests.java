package io.tokenwarden.security;

import io.tokenwarden.testsupport.DemoConsoleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session over real HTTP: a new id at sign-in, gone from the server at sign-out, and in the demo
 * a cookie that works over plain http.
 */
@DemoConsoleTest
class SessionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signInThenTheSessionGetsANewIdAndTheOldOneIsWorthNothing() throws Exception {
		Browser browser = new Browser(this.port);
		browser.get("/login");
		String before = browser.session();

		HttpResponse<String> signIn = browser.signIn("viewer@demo.test", "demo");

		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/config/accounts"));
		assertThat(browser.session()).isNotNull().isNotEqualTo(before);
		assertThat(browser.get("/config/accounts").statusCode()).isEqualTo(200);
		assertThat(new Browser(this.port).withSession(before).get("/config/accounts").statusCode()).isEqualTo(302);
	}

	@Test
	void signOutThenTheSessionIsDeletedOnTheServer() throws Exception {
		Browser browser = new Browser(this.port);
		browser.get("/login");
		browser.signIn("manager@demo.test", "demo");
		String session = browser.session();
		assertThat(storedSessions(session)).isOne();

		HttpResponse<String> signOut = browser.post("/logout", browser.csrfOf("/config/accounts"));

		assertThat(signOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
		assertThat(storedSessions(session)).isZero();
		HttpResponse<String> replay = new Browser(this.port).withSession(session).get("/config/accounts");
		assertThat(replay.statusCode()).isEqualTo(302);
		assertThat(replay.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void signInWhenThePasswordIsWrongThenBackToTheFormWithAnError() throws Exception {
		Browser browser = new Browser(this.port);
		browser.get("/login");

		HttpResponse<String> signIn = browser.signIn("admin@demo.test", "not-the-password");

		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(browser.get("/config/accounts").statusCode()).isEqualTo(302);
	}

	@Test
	void sessionCookieInTheDemoThenHttpOnlyAndLaxButNotSecure() throws Exception {
		Browser browser = new Browser(this.port);

		String cookie = browser.get("/login").headers().firstValue("Set-Cookie").orElseThrow();

		assertThat(cookie).startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
	}

	private long storedSessions(String cookieValue) {
		String id = new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
		return this.jdbc.sql("select count(*) from spring_session where session_id = ?").param(id).query(Long.class).single();
	}

}
