package io.tokenwarden.accounts;

import io.tokenwarden.TokenWardenApplication;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.sandbox.SandboxUsers;
import io.tokenwarden.testsupport.Browser;
import io.tokenwarden.testsupport.HttpUser;
import io.tokenwarden.tokens.TokenCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13's journey in a real browser, on a real installation: the demo off, a bootstrap admin, and the
 * publishers' apps configured explicitly to point at the sandbox publishers, which a second application
 * (the demo's, on a port of its own) serves. From the empty state the admin connects a Facebook and an X
 * account, links one to a second agency, unlinks it from the first (the second still has it, valid), and
 * unlinks the last link: the sandbox sees the grant revoked and no page shows the account any more.
 * Takes README's "First steps" screenshots on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "tokenwarden.demo.enabled=false", "tokenwarden.data-dir=target/test-data-connect-journey",
				"tokenwarden.bootstrap.admin-email=" + ConnectJourneyInBrowserTests.BOSS,
				"tokenwarden.bootstrap.admin-password=" + ConnectJourneyInBrowserTests.PASSWORD,
				"tokenwarden.bootstrap.agency=Bootstrap Agency",
				// the revocation goes out right after the unlink commits, as in production
				"tokenwarden.invalidation.revocation.scheduled-sending=true" })
class ConnectJourneyInBrowserTests {

	static final String BOSS = "first-admin@agency.example";

	static final String PASSWORD = "a long passphrase for the journey";

	static final int PORT = TestSocketUtils.findAvailableTcpPort();

	static final int SANDBOX_PORT = TestSocketUtils.findAvailableTcpPort();

	private static ConfigurableApplicationContext sandbox;

	@DynamicPropertySource
	static void publishersAtTheSandbox(DynamicPropertyRegistry registry) {
		String keyset = TokenCipher.generateKeyset();
		registry.add("tokenwarden.encryption.keyset", () -> keyset);
		registry.add("server.port", () -> PORT);
		// outside the demo every absolute link and OAuth redirect URI is built from the base URL
		registry.add("tokenwarden.base-url", () -> "http://localhost:" + PORT);
		// another host name than the console's: browsers keep cookies per host, not per port, and both
		// applications call their session cookie SESSION
		String at = "http://127.0.0.1:" + SANDBOX_PORT + "/sandbox";
		registry.add("tokenwarden.publishers.facebook.graph-url", () -> at + "/facebook/v25.0");
		registry.add("tokenwarden.publishers.x.api-url", () -> at + "/x");
		registry.add("tokenwarden.publishers.x.ads-api-url", () -> at + "/x-ads");
		registry.add("spring.security.oauth2.client.registration.facebook.client-id", () -> "138483919580948");
		registry.add("spring.security.oauth2.client.registration.facebook.client-secret",
				() -> "sandbox-facebook-app-secret-2f6c1d");
		registry.add("spring.security.oauth2.client.provider.facebook.authorization-uri",
				() -> at + "/facebook/dialog/oauth");
		registry.add("spring.security.oauth2.client.provider.facebook.token-uri",
				() -> at + "/facebook/v25.0/oauth/access_token");
		registry.add("tokenwarden.publishers.x.consumer-key", () -> sandbox().getEnvironment()
			.getProperty("tokenwarden.publishers.x.consumer-key"));
		registry.add("tokenwarden.publishers.x.consumer-secret", () -> sandbox().getEnvironment()
			.getProperty("tokenwarden.publishers.x.consumer-secret"));
	}

	/** The demo's application, for its sandbox publishers only, on a database of its own. */
	static synchronized ConfigurableApplicationContext sandbox() {
		if (sandbox == null) {
			sandbox = new SpringApplicationBuilder(TokenWardenApplication.class)
				.properties("server.port=" + SANDBOX_PORT, "tokenwarden.data-dir=target/test-data-connect-sandbox",
						"management.server.port=0")
				.run();
		}
		return sandbox;
	}

	@AfterAll
	static void stopTheSandbox() {
		if (sandbox != null) {
			sandbox.close();
			sandbox = null;
		}
	}

	@RegisterExtension
	Browser browser = new Browser();

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fromTheEmptyStateToConnectedAccountsLinkedUnlinkedAndRevoked() {
		String facebookPerson = SandboxUsers.newPerson(sandbox(), Publisher.FACEBOOK, "Juniper Garden Center");
		String xPerson = SandboxUsers.newPerson(sandbox(), Publisher.X, "Juniper Kites");
		long bootstrap = this.agencies.findAgency("Bootstrap Agency").orElseThrow();
		long second = this.agencies.findAgency("Second Agency").orElseGet(() -> this.agencies.createAgency("Second Agency"));
		long boss = this.agencies.findUser(BOSS).orElseThrow().id();
		this.jdbc.sql("insert into agency_membership (user_id, agency_id, role) values (?, ?, 'ADMIN') on conflict do nothing")
			.params(boss, second)
			.update();
		this.browser.at("http://localhost:" + PORT);
		signIn();

		// 1. the empty state, and a connected Facebook account
		this.browser.open("/config/accounts");
		assertThat(this.browser.waitFor(By.cssSelector(".empty-state")).getText())
			.contains("No publisher accounts are linked to this agency yet.", "you sign in at the publisher");
		this.browser.screenshot("connect-empty-state.png");
		this.browser.driver().findElement(By.id("connect-facebook")).click();
		consentAs(facebookPerson, "connect-consent.png");
		this.browser.waitForText(By.cssSelector("[role=status]"), "Connected Juniper Garden Center");
		assertThat(this.browser.driver().findElement(By.cssSelector(".account-facts")).getText())
			.contains("Valid", BOSS).doesNotContain("never");
		assertThat(this.browser.driver().findElement(By.tagName("h1")).getText()).contains("Juniper Garden Center");
		this.browser.screenshot("connect-connected.png");

		// ... and a connected X account
		this.browser.open("/config/accounts");
		this.browser.waitFor(By.id("connect-x")).click();
		consentAs(xPerson, null);
		this.browser.waitForText(By.cssSelector("[role=status]"), "Connected");
		assertThat(this.browser.driver().findElement(By.cssSelector(".account-facts")).getText()).contains("Valid",
				"does not expire");
		this.browser.open("/config/accounts");
		assertThat(this.browser.waitFor(By.cssSelector("table.accounts")).getText()).contains("Juniper Garden Center",
				xPerson);

		// 2. link the Facebook account to a second agency
		long facebookId = this.accounts.find(Publisher.FACEBOOK, facebookPerson).orElseThrow().id();
		this.browser.open("/config/accounts/" + facebookId);
		new Select(this.browser.waitFor(By.id("link-agency"))).selectByVisibleText("Second Agency");
		this.browser.driver().findElement(By.cssSelector("form.link-form button[type=submit]")).click();
		this.browser.waitForText(By.cssSelector("[role=status]"), "is now linked to Second Agency too");
		assertThat(this.browser.driver().findElement(By.cssSelector(".linked-agencies-list")).getText())
			.contains("Bootstrap Agency", "Second Agency");

		// 3. unlink it from the first: the second agency still shows it valid
		this.browser.driver().findElement(By.cssSelector("a.unlink")).click();
		assertThat(this.browser.waitFor(By.id("unlink-confirmation")).getText())
			.contains("stops syncing the campaigns", "The other agencies it is linked to keep it");
		this.browser.driver().findElement(By.cssSelector("#unlink-confirmation button[type=submit]")).click();
		this.browser.waitForText(By.cssSelector("[role=status]"), "is no longer linked to Bootstrap Agency");
		assertThat(this.browser.driver().findElement(By.tagName("main")).getText()).doesNotContain("Juniper Garden Center\n");
		switchTo(second);
		assertThat(this.browser.waitFor(By.cssSelector("table.accounts")).getText()).contains("Juniper Garden Center");
		assertThat(this.browser.driver().findElement(By.cssSelector("table.accounts .valid")).getText()).contains("Valid");

		// 4. unlink the last link: revoked at the sandbox, gone from every page
		this.browser.open("/config/accounts/" + facebookId + "/unlink");
		assertThat(this.browser.waitFor(By.id("unlink-confirmation")).getText())
			.contains("This is the last agency it is linked to: the token is revoked at Facebook");
		this.browser.driver().findElement(By.cssSelector("#unlink-confirmation button[type=submit]")).click();
		this.browser.waitForText(By.cssSelector("[role=status]"), "its last agency");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> SandboxUsers.revokedByTheApp(sandbox(), Publisher.FACEBOOK, facebookPerson));
		for (long agency : new long[] { second, bootstrap }) {
			switchTo(agency);
			assertThat(this.browser.waitFor(By.tagName("main")).getText()).doesNotContain("Juniper Garden Center");
		}
		this.browser.open("/config/accounts/" + facebookId);
		assertThat(this.browser.waitFor(By.tagName("main")).getText()).contains("There is nothing at this address");
	}

	@Test
	void connectXWhenStartedAtAnotherAddressThenTheOAuth1CallbackIsAtTheBaseUrl() throws Exception {
		HttpUser boss = new HttpUser(PORT).signIn(BOSS, PASSWORD);

		HttpResponse<String> connect = boss.post("/config/accounts/connect", boss.csrfOf("/config/accounts"), "publisher",
				"X");

		assertThat(connect.statusCode()).isEqualTo(302);
		assertThat(connect.headers().firstValue("Location").orElseThrow())
			.startsWith("http://127.0.0.1:" + SANDBOX_PORT + "/sandbox/x/oauth/authorize?oauth_token=");
		// the callback X was given with the request token: the base URL, not the address asked (127.0.0.1)
		String callback = sandbox().getBean(JdbcClient.class)
			.sql("select callback from sandbox_request_token order by issued_at desc limit 1")
			.query(String.class)
			.single();
		assertThat(callback).isEqualTo("http://localhost:" + PORT + "/login/oauth1/callback/x");
	}

	private void signIn() {
		this.browser.open("/login");
		this.browser.waitFor(By.id("username")).sendKeys(BOSS);
		this.browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
		this.browser.waitFor(By.tagName("h1"));
	}

	/** At the sandbox's consent page: pick the person and continue (the admin's hand-off to the publisher). */
	private void consentAs(String externalId, String screenshot) {
		new Select(this.browser.waitFor(By.id("login_hint"))).selectByValue(externalId);
		this.browser.submitAndWaitForTheNextPage(By.cssSelector("form.sandbox-switch button[type=submit]"));
		// the person chosen is in the decision form (a hidden field: present, never visible)
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("form.sandbox-decision input[name=sandbox_user][value='"
						+ SandboxUsers.sandboxId(sandbox(), publisherOf(externalId), externalId) + "']")));
		if (screenshot != null) {
			this.browser.screenshot(screenshot);
		}
		this.browser.driver().findElement(By.cssSelector("button[name=sandbox_decision][value=continue]")).click();
	}

	private static Publisher publisherOf(String externalId) {
		return externalId.length() > 17 ? Publisher.X : Publisher.FACEBOOK;
	}

	private void switchTo(long agencyId) {
		this.browser.open("/config/accounts");
		new Select(this.browser.waitFor(By.id("agency-switch"))).selectByValue(String.valueOf(agencyId));
		this.browser.submitAndWaitForTheNextPage(By.cssSelector(".agency-switcher button[type=submit]"));
		this.browser.waitFor(By.tagName("h1"));
	}

}
