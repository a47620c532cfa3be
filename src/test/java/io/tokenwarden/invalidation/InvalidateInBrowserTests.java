package io.tokenwarden.invalidation;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.DemoSandboxTest;
import io.tokenwarden.testsupport.Browser;
import io.tokenwarden.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Invalidating in a real browser on the demo, its sandbox revoking the grant ({@link DemoSandboxTest}). */
@DemoSandboxTest
class InvalidateInBrowserTests {

	static final int PORT = DemoSandboxTest.PORT;

	@Autowired
	RevocationSender revocations;

	@RegisterExtension
	Browser browser = new Browser();

	@Autowired
	TestData data;

	@BeforeEach
	void openTheConsole() {
		this.browser.at("http://localhost:" + PORT);
	}

	@Test
	void adminInvalidatesASharedAccountBothAgenciesSeeTheRedXAndTheSandboxShowsTheGrantRevoked() {
		String name = TestData.unique("Browser Shared Shop");
		long id = this.data.sandboxAccount(Publisher.FACEBOOK, name, "Northwind Agency", "Contoso Media");
		this.browser.logIn("admin@demo.test");
		switchAgency("Northwind Agency");
		this.browser.open("/config/accounts?q=" + name.replace(" ", "+"));
		WebElement row = this.browser.waitFor(By.cssSelector("tr[data-account-id='" + id + "']"));
		assertThat(row.findElement(By.cssSelector("td.valid")).getText()).doesNotContain("Invalidated");

		row.findElement(By.cssSelector("a.invalidate")).click();
		WebElement dialog = this.browser.waitFor(By.cssSelector(".modal.show #invalidate-confirmation"));
		assertThat(dialog.getText()).contains("for all 2 agencies it is linked to: Contoso Media, Northwind Agency");
		dialog.findElement(By.cssSelector("button[type=submit]")).click();

		this.browser.waitForText(By.cssSelector("[role=status]"), "is invalidated for every agency");
		this.browser.open("/config/accounts?q=" + name.replace(" ", "+"));
		assertThat(validCell(id)).contains("Invalidated by admin@demo.test on");

		switchAgency("Contoso Media");
		this.browser.open("/config/accounts?q=" + name.replace(" ", "+"));
		assertThat(validCell(id)).contains("Invalidated by admin@demo.test on");

		this.revocations.sendDue();
		this.browser.open("/sandbox#revoked");
		assertThat(this.browser.waitFor(By.cssSelector("table.sandbox-revoked")).getText()).contains(name);
	}

	private String validCell(long id) {
		return this.browser.waitFor(By.cssSelector("tr[data-account-id='" + id + "'] td.valid")).getText();
	}

	private void switchAgency(String agency) {
		Select switcher = new Select(this.browser.waitFor(By.id("agency-switch")));
		if (!switcher.getFirstSelectedOption().getText().startsWith(agency)) {
			switcher.selectByVisibleText(agency + " (ADMIN)");
			this.browser.waitForText(By.cssSelector("h1 small"), agency);
		}
	}

}
