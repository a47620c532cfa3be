package io.tokenwarden.refresh;

import io.tokenwarden.demo.DemoAccount;
import io.tokenwarden.demo.DemoAccountsSeeded;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.Browser;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support article's three steps in headless Chromium, against the demo's sandbox publishers: click
 * Refresh on an expired account, consent at Facebook or X, come back to the green check. The sandbox's
 * URLs are resolved from {@code server.port} at start-up, so the server runs on a fixed free port.
 * Each test seeds its own expired account (and the sandbox user behind it), so no order matters.
 */
class RefreshInBrowserTests extends SandboxRefreshSupport {

	@RegisterExtension
	Browser browser = new Browser();

	@Autowired
	TestData data;

	@Autowired
	AccountTokens tokens;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void openTheConsole() {
		this.browser.at("http://localhost:" + PORT);
	}

	@Test
	void refreshAnExpiredFacebookAccountThenContinueAtFacebookShowsTheGreenCheck() {
		Seeded account = expiredAccount(Publisher.FACEBOOK, "PASSWORD_CHANGED");
		this.browser.logIn("admin@demo.test");

		clickRefresh(account);
		continueAtThePublisher(account, "ADMIN");

		this.browser.waitForText(By.cssSelector(".alert-success"), "The token of " + account.name() + " is refreshed");
		// an Admin-level consent sees everything: no lost-pages warning (the page may still show the health
		// module's banner about the agency's other expired accounts)
		assertThat(this.browser.driver().findElements(By.cssSelector(".alert-warning"))).isEmpty();
		assertThat(validCell(account)).isEqualTo("VALID");
	}

	@Test
	void refreshAnExpiredXAccountThenAuthorizeTheAppAtXShowsTheGreenCheck() {
		Seeded account = expiredAccount(Publisher.X, "INVALID");
		this.browser.logIn("admin@demo.test");

		clickRefresh(account);
		this.browser.waitFor(By.cssSelector("body.sandbox-x"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("/sandbox/x/oauth/authorize?oauth_token=");
		continueAtThePublisher(account, null);

		this.browser.waitForText(By.cssSelector(".alert-success"), "The token of " + account.name() + " is refreshed");
		assertThat(validCell(account)).isEqualTo("VALID");
		assertThat(this.browser.driver().getCurrentUrl()).doesNotContain("oauth_token=").doesNotContain("oauth_verifier=");
		// X's tokens do not expire, and the row says so
		assertThat(this.browser.driver().findElement(By.cssSelector("tr[data-account-id='" + account.id() + "']"))
			.getText()).contains("does not expire");
	}

	@Test
	void refreshAsAnAnalystAfterAnAdminThenTheLostPagesAreNamedAndTheTokenIsValid() {
		Seeded account = expiredAccount(Publisher.FACEBOOK, "EXPIRED");
		this.browser.logIn("admin@demo.test");
		clickRefresh(account);
		continueAtThePublisher(account, "ADMIN");
		this.browser.waitForText(By.cssSelector(".alert-success"), "is refreshed");
		List<String> pages = this.jdbc.sql("select name from account_asset where account_id = ? and kind = 'PAGE' order by name")
			.param(account.id()).query(String.class).list();

		clickRefresh(account);
		continueAtThePublisher(account, "ANALYST");

		WebElement warning = this.browser.waitFor(By.cssSelector(".alert-warning"));
		assertThat(warning.getText()).contains("no longer visible", "an Admin-level user should refresh");
		// the sandbox shows analysts only a user's first Page, and every demo user has at least two
		assertThat(pages).hasSizeGreaterThanOrEqualTo(2).anySatisfy(page -> assertThat(warning.getText()).contains(page));
		assertThat(validCell(account)).isEqualTo("VALID");

		// the account page lists what the token sees now, at the analyst's access
		this.browser.open("/config/accounts/" + account.id());
		this.browser.waitFor(By.cssSelector("table.assets"));
		List<String> seen = this.browser.driver().findElements(By.cssSelector("table.assets tbody tr")).stream()
			.map(WebElement::getText).toList();
		assertThat(seen).filteredOn(row -> row.startsWith("PAGE")).hasSizeBetween(1, pages.size() - 1)
			.allSatisfy(row -> assertThat(row).endsWith("ANALYZE"));
	}

	private void clickRefresh(Seeded account) {
		this.browser.open("/config/accounts?q=" + account.externalId());
		this.browser.waitFor(By.cssSelector("tr[data-account-id='" + account.id() + "'] button.refresh")).click();
	}

	/**
	 * On the sandbox's consent page: checks who it offers, picks the access level (Facebook; X has none),
	 * and continues ("Continue as …", X's "Authorize app").
	 */
	private void continueAtThePublisher(Seeded account, String level) {
		WebElement user = this.browser.waitFor(By.cssSelector("#login_hint option:checked"));
		assertThat(user.getText()).contains(account.name(), account.externalId());
		if (level != null) {
			this.browser.driver().findElement(By.id("level-" + level)).click();
		}
		this.browser.driver().findElement(By.cssSelector("button[name=sandbox_decision][value=continue]")).click();
		this.browser.waitFor(By.cssSelector("table.accounts, .alert"));
	}

	/** The Valid cell of the account's row, as status text: the green check carries "Valid" for screen readers. */
	private String validCell(Seeded account) {
		this.browser.open("/config/accounts?q=" + account.externalId());
		WebElement cell = this.browser.waitFor(By.cssSelector("tr[data-account-id='" + account.id() + "'] td.valid"));
		boolean greenCheck = !cell.findElements(By.cssSelector(".text-success .bi-check-circle-fill")).isEmpty();
		return greenCheck ? "VALID" : cell.getText();
	}

	record Seeded(long id, String externalId, String name) {
	}

	/**
	 * An expired account of the admin's two agencies, and its user at the sandbox publisher, broken the
	 * way {@code reason} says: seeded through the demo's own event, as the demo's accounts are.
	 */
	private Seeded expiredAccount(Publisher publisher, String reason) {
		boolean x = publisher == Publisher.X;
		String name = TestData.unique(x ? "Browser X Shop" : "Browser Facebook Shop");
		TokenSecret access = TokenSecret.of("browser-access-" + UUID.randomUUID());
		TokenSecret tokenSecret = x ? TokenSecret.of("browser-secret-" + UUID.randomUUID()) : null;
		long id = this.data.account(publisher, name, access, tokenSecret, "Northwind Agency", "Contoso Media");
		this.tokens.changeStatus(id, TokenStatus.EXPIRED, reason, null, "test");
		String externalId = this.jdbc.sql("select external_id from publisher_account where id = ?").param(id)
			.query(String.class).single();
		Instant now = Instant.now();
		DemoAccount seeded = new DemoAccount(id, publisher, externalId, name, access, tokenSecret,
				x ? null : now.plus(Duration.ofDays(30)), x ? null : now.plus(Duration.ofDays(90)),
				x ? null : "ads_read,ads_management,pages_show_list", TokenStatus.EXPIRED, reason);
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(new DemoAccountsSeeded(List.of(seeded))));
		return new Seeded(id, externalId, name);
	}


}
