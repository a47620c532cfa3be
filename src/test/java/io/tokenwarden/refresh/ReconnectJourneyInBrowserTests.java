package io.tokenwarden.refresh;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.demo.DemoMailbox;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.sandbox.SandboxUsers;
import io.tokenwarden.testsupport.Browser;
import io.tokenwarden.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 15's journey in two real browsers: the account's user changes their password at the sandbox
 * Facebook, the console's check finds the token expired, the owner's email (caught by the demo's
 * GreenMail) brings a reconnect link, and a fresh browser with no console session follows it through the
 * sandbox consent. The admin's console then shows the account valid in both its agencies, and the used
 * link gets the clear page. Takes README's screenshots of the email and the reconnect page on the way.
 */
class ReconnectJourneyInBrowserTests extends SandboxRefreshSupport {

	private static final Pattern LINK = Pattern.compile("/reconnect/[A-Za-z0-9_-]{43}");

	@RegisterExtension
	Browser admin = new Browser();

	@RegisterExtension
	Browser owner = new Browser();

	@Autowired
	TestData data;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	Notices notices;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void accountExpiresThenTheOwnerReconnectsFromTheEmailWithoutAConsoleLogin() throws Exception {
		long id = this.data.sandboxAccount(Publisher.FACEBOOK, TestData.unique("Juniper Garden Center"),
				"Northwind Agency", "Contoso Media");
		PublisherAccount account = this.accounts.find(id).orElseThrow();
		this.admin.at("http://localhost:" + PORT);
		this.owner.at("http://localhost:" + PORT);

		// 1. the account's user changes their password at the sandbox; the console's check finds out
		long sandboxUser = SandboxUsers.sandboxId(this.context, Publisher.FACEBOOK, account.externalId());
		this.mvc.perform(post("/sandbox/users/{id}/password", sandboxUser).with(user("admin@demo.test")).with(csrf()));
		this.admin.logIn("admin@demo.test");
		this.admin.open("/config/accounts/" + id);
		this.admin.waitFor(By.cssSelector("form[action$='/check'] button")).click();
		this.admin.waitFor(By.tagName("h1"));

		// 2. the owner's email arrives with a personal reconnect link, and the console's link for admins
		DemoMailbox.Mail mail = await().atMost(Duration.ofSeconds(60)).until(() -> {
			this.notices.sendDueNow();
			List<DemoMailbox.Mail> mails = DemoMailbox.to(this.context, account.ownerEmail());
			return mails.isEmpty() ? null : mails.get(mails.size() - 1);
		}, m -> m != null);
		assertThat(mail.subject()).isEqualTo("Warning: your account token is expired");
		// the links start with tokenwarden.base-url, which this test context leaves at its default
		assertThat(mail.text()).contains("Reason: the account's user changed their password.",
				"Refresh it here: http://localhost:8080/config/accounts?q=" + account.externalId(),
				"Reconnect it yourself with Facebook, no login needed: http://localhost:8080/reconnect/");
		Matcher found = LINK.matcher(mail.text());
		assertThat(found.find()).isTrue();
		String link = "http://localhost:" + PORT + found.group();
		this.owner.driver().get("data:text/html;base64,"
				+ Base64.getEncoder().encodeToString(mail.html().getBytes(StandardCharsets.UTF_8)));
		this.owner.waitFor(By.cssSelector("a.reconnect-link"));
		this.owner.screenshot("reconnect-email.png");

		// 3. a fresh browser, signed in to nothing, follows it through the sandbox consent
		this.owner.driver().get(link);
		WebElement page = this.owner.waitFor(By.cssSelector("section.reconnect"));
		assertThat(page.getText()).contains(account.name(), "Northwind Agency", "Contoso Media", "paused");
		assertThat(this.owner.driver().findElements(By.id("agency-switch"))).isEmpty();
		this.owner.screenshot("reconnect-page.png");
		this.owner.driver().findElement(By.cssSelector("button.reconnect-button")).click();
		WebElement offered = this.owner.waitFor(By.cssSelector("#login_hint option:checked"));
		assertThat(offered.getText()).contains(account.externalId());
		this.owner.driver().findElement(By.id("level-ADMIN")).click();
		this.owner.driver().findElement(By.cssSelector("button[name=sandbox_decision][value=continue]")).click();
		this.owner.waitForText(By.cssSelector(".reconnected"), "Reconnected, thank you");
		assertThat(this.owner.driver().getCurrentUrl()).endsWith("/reconnect/done");
		assertThat(this.owner.driver().findElement(By.tagName("main")).getText()).contains(account.name(),
				"is connected again");
		this.owner.screenshot("reconnect-done.png");

		// ... and is still signed in to nothing
		this.owner.open("/config/accounts");
		this.owner.waitFor(By.id("username"));

		// 4. the console shows the account valid in every agency it is linked to
		for (String agency : List.of("Northwind Agency", "Contoso Media")) {
			switchTo(this.agencies.findAgency(agency).orElseThrow());
			this.admin.open("/config/accounts?q=" + account.externalId());
			WebElement cell = this.admin.waitFor(By.cssSelector("tr[data-account-id='" + id + "'] td.valid"));
			assertThat(cell.findElements(By.cssSelector(".text-success .bi-check-circle-fill"))).as(agency).isNotEmpty();
		}
		this.admin.open("/config/accounts/" + id);
		assertThat(this.admin.waitFor(By.cssSelector(".account-notices")).getText())
			.contains("Reconnected by the owner through an email link");

		// 5. the used link now gets the clear page
		this.owner.driver().get(link);
		assertThat(this.owner.waitFor(By.cssSelector("section.reconnect-invalid")).getText())
			.contains("Please ask your agency for a new link").doesNotContain(account.name());
	}

	private void switchTo(long agencyId) {
		this.admin.open("/config/accounts");
		new Select(this.admin.waitFor(By.id("agency-switch"))).selectByValue(String.valueOf(agencyId));
		this.admin.driver().findElement(By.cssSelector(".agency-switcher button[type=submit]")).click();
		this.admin.waitFor(By.tagName("h1"));
	}

}
