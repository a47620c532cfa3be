package io.tokenwarden.sync;

import io.tokenwarden.demo.DemoAccount;
import io.tokenwarden.demo.DemoAccountsSeeded;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.DemoSandboxTest;
import io.tokenwarden.testsupport.Browser;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
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
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo end to end in a browser: pause a campaign, invalidate the account, see sync paused, refresh
 * through the sandbox's consent page, see sync resume. The server runs on a fixed port chosen up front,
 * because the demo resolves its sandbox URLs from {@code server.port} at startup.
 */
@DemoSandboxTest
class SyncInBrowserTests {

	static final int PORT = DemoSandboxTest.PORT;

	@RegisterExtension
	Browser browser = new Browser();

	@Autowired
	TestData data;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void adminPausesACampaignInvalidatesSeesSyncPausedRefreshesAndSeesSyncResume() {
		long id = sandboxAccount(TestData.unique("Browser Sync Shop"));
		this.browser.at("http://localhost:" + PORT);
		this.browser.logIn("admin@demo.test");

		this.browser.open("/config/accounts/" + id + "/campaigns");
		click(".sync-now");
		this.browser.waitForText(By.cssSelector("[role=status]"), "imported");
		WebElement pause = this.browser.waitFor(By.cssSelector("table.campaigns .campaign-toggle.pause"));
		String campaign = pause.findElement(By.xpath("ancestor::tr")).getDomAttribute("data-campaign-id");
		pause.click();
		this.browser.waitForText(By.cssSelector("[role=status]"), "is paused at the publisher");
		assertThat(statusOf(campaign)).isEqualTo("Paused");

		this.browser.open("/config/accounts/" + id + "/invalidate");
		click("#reason-USER_LEFT");
		click(".invalidate-form button[type=submit]");
		this.browser.waitForText(By.cssSelector("[role=status]"), "is invalidated for every agency");
		this.browser.open("/config/accounts/" + id + "/campaigns");
		assertThat(this.browser.waitFor(By.cssSelector(".sync-paused")).getText())
			.startsWith("Sync paused: token invalid since").endsWith("Refresh it here.");
		assertThat(this.browser.waitFor(By.cssSelector(".stale-marker")).getText()).startsWith("Data may be stale since");

		this.browser.driver().findElement(By.linkText("Refresh it here.")).click();
		click("form[action$='/refresh'] button[type=submit]");
		click(".sandbox-decision button[value=continue]");
		this.browser.waitForText(By.cssSelector("[role=status]"), "is refreshed");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			this.browser.open("/config/accounts/" + id + "/campaigns");
			assertThat(this.browser.driver().findElements(By.cssSelector(".sync-paused"))).isEmpty();
			assertThat(this.browser.driver().findElements(By.cssSelector(".stale-marker"))).isEmpty();
		});
		assertThat(this.browser.waitFor(By.cssSelector(".last-synced")).getText()).startsWith("Last synced just now");
		assertThat(statusOf(campaign)).isEqualTo("Paused");
	}

	private String statusOf(String campaign) {
		return this.browser.waitFor(By.cssSelector("tr[data-campaign-id='" + campaign + "'] .campaign-status")).getText();
	}

	private void click(String css) {
		this.browser.waitFor(By.cssSelector(css)).click();
	}

	/** A test account of both demo agencies that the sandbox knows: same id, name and token, with campaigns. */
	private long sandboxAccount(String name) {
		TokenSecret token = TokenSecret.of("EAAD" + TestData.secret().reveal().replace("-", ""));
		long id = this.data.account(Publisher.FACEBOOK, name, token, null, "Contoso Media", "Northwind Agency");
		String externalId = this.jdbc.sql("select external_id from publisher_account where id = ?").param(id)
			.query(String.class).single();
		Instant now = Instant.now();
		DemoAccount account = new DemoAccount(id, Publisher.FACEBOOK, externalId, name, token, null,
				now.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS), now.plus(Duration.ofDays(90)),
				"ads_read,ads_management,business_management,pages_show_list", TokenStatus.VALID, null);
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(new DemoAccountsSeeded(List.of(account))));
		return id;
	}


}
