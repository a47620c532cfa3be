package io.tokenwarden.members;

import io.tokenwarden.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team journey of issue 14 in two real browsers, with the demo off and GreenMail as the mail
 * server: the bootstrap admin creates an agency; its first admin accepts the emailed invitation and
 * invites a viewer, who accepts and signs in; the viewer is promoted to manager, then removed, and
 * the viewer's open session loses the agency on its next request; the viewer then resets a forgotten
 * password from the login page. It takes the README's screenshots on the way.
 */
class TeamJourneyInBrowserTests extends TeamTestSupport {

	private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

	@RegisterExtension
	Browser admin = new Browser();

	@RegisterExtension
	Browser viewer = new Browser();

	@Test
	void bootstrapAdminCreatesAnAgencyWhoseTeamInvitesPromotesRemovesAndRecovers() throws Exception {
		String base = "http://localhost:" + PORT;
		this.admin.at(base);
		this.viewer.at(base);
		String agency = unique("Acme Media");
		String firstAdmin = uniqueEmail("ada");
		String viewerEmail = uniqueEmail("vic");

		// 1. the bootstrap admin creates the agency
		signIn(this.admin, BOSS, BOSS_PASSWORD);
		this.admin.driver().findElement(By.linkText("Admin")).click();
		this.admin.waitFor(By.id("agency-name")).sendKeys(agency);
		this.admin.driver().findElement(By.id("agency-admin")).sendKeys(firstAdmin);
		this.admin.driver().findElement(By.cssSelector("form.new-agency button[type=submit]")).click();
		this.admin.waitForText(By.cssSelector("[role=status]"), "is created");
		assertThat(this.admin.driver().findElement(By.cssSelector("tr[data-name='" + agency + "'] .members-count")).getText())
			.isEqualTo("0");
		screenshot(this.admin, "admin-agencies.png");
		signOut(this.admin);

		// 2. its first admin accepts the invitation from the email
		this.admin.open(linkSentTo(firstAdmin));
		assertThat(this.admin.waitFor(By.cssSelector(".invitation-summary")).getText())
			.contains(BOSS + " invited you to join " + agency + " as Admin");
		this.admin.driver().findElement(By.id("displayName")).sendKeys("Ada Admin");
		this.admin.driver().findElement(By.id("password")).sendKeys(GOOD_PASSWORD);
		screenshot(this.admin, "invitation.png");
		this.admin.driver().findElement(By.cssSelector("form.accept-form button[type=submit]")).click();
		this.admin.waitForText(By.cssSelector("[role=status]"), "Welcome to " + agency);

		// 3. that admin invites a viewer, who accepts and signs in
		openMembers(this.admin);
		this.admin.driver().findElement(By.id("invite-email")).sendKeys(viewerEmail);
		new Select(this.admin.driver().findElement(By.id("invite-role"))).selectByValue("VIEWER");
		this.admin.driver().findElement(By.cssSelector("form.invite-form button[type=submit]")).click();
		this.admin.waitForText(By.cssSelector("[role=status]"), "An invitation is on its way to " + viewerEmail);
		String viewerLink = linkSentTo(viewerEmail);
		this.admin.open("/config/members");
		assertThat(this.admin.waitFor(By.cssSelector("table.invitations")).getText()).contains(viewerEmail, "Viewer", "Sent");
		screenshot(this.admin, "members.png");

		this.viewer.open(viewerLink);
		this.viewer.waitFor(By.id("displayName")).sendKeys("Vic Viewer");
		this.viewer.driver().findElement(By.id("password")).sendKeys(GOOD_PASSWORD);
		this.viewer.driver().findElement(By.cssSelector("form.accept-form button[type=submit]")).click();
		this.viewer.waitForText(By.cssSelector("[role=status]"), "Welcome to " + agency);
		signOut(this.viewer);
		signIn(this.viewer, viewerEmail, GOOD_PASSWORD);
		assertThat(agencyChoice(this.viewer)).isEqualTo(agency + " (VIEWER)");

		// 4. promoted to manager, then removed: the viewer's open session follows at its next request
		WebElement row = memberRow(viewerEmail);
		new Select(row.findElement(By.name("role"))).selectByValue("MANAGER");
		row.findElement(By.cssSelector("form.role-form button[type=submit]")).click();
		this.admin.waitForText(By.cssSelector("[role=status]"), viewerEmail + " has a new role");
		this.viewer.open("/config/accounts");
		assertThat(agencyChoice(this.viewer)).isEqualTo(agency + " (MANAGER)");

		memberRow(viewerEmail).findElement(By.cssSelector("form.remove-form button[type=submit]")).click();
		this.admin.waitForText(By.cssSelector("[role=status]"), viewerEmail + " is no longer a member");
		this.viewer.open("/config/accounts");
		assertThat(this.viewer.waitFor(By.cssSelector("h1")).getText()).isEqualTo("You are not a member of any agency");
		assertThat(this.viewer.driver().getPageSource()).doesNotContain(agency);
		screenshot(this.viewer, "no-agency.png");

		// 5. the viewer resets a forgotten password from the login page
		signOut(this.viewer);
		this.viewer.driver().findElement(By.linkText("Forgot password?")).click();
		this.viewer.waitFor(By.id("email")).sendKeys(viewerEmail);
		this.viewer.driver().findElement(By.cssSelector("form button[type=submit]")).click();
		this.viewer.waitForText(By.cssSelector("[role=status]"), "a link to set a new password is on its way");
		screenshot(this.viewer, "forgot-password.png");
		this.resetWorker.runAll();
		this.viewer.open(linkSentTo(viewerEmail));
		this.viewer.waitFor(By.id("password")).sendKeys("violet ferns at dawn");
		this.viewer.driver().findElement(By.cssSelector("form.reset-form button[type=submit]")).click();
		this.viewer.waitForText(By.cssSelector("[role=status]"), "Your password is changed");
		signIn(this.viewer, viewerEmail, "violet ferns at dawn");
		assertThat(this.viewer.driver().getCurrentUrl()).endsWith("/config/accounts");
	}

	private static void signIn(Browser browser, String email, String password) {
		browser.open("/login");
		browser.waitFor(By.id("username")).sendKeys(email);
		browser.driver().findElement(By.id("password")).sendKeys(password);
		browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
		browser.waitFor(By.id("account-menu"));
	}

	private static void signOut(Browser browser) {
		browser.waitFor(By.id("account-menu")).click();
		browser.waitFor(By.cssSelector(".account-menu form button[type=submit]")).click();
		browser.waitFor(By.id("username"));
	}

	private static void openMembers(Browser browser) {
		browser.waitFor(By.id("config-menu")).click();
		browser.waitFor(By.linkText("Members")).click();
		browser.waitFor(By.id("invite-email"));
	}

	private WebElement memberRow(String email) {
		this.admin.open("/config/members");
		return this.admin.waitFor(By.cssSelector("table.members tr[data-email='" + email + "']"));
	}

	private static String agencyChoice(Browser browser) {
		return new Select(browser.waitFor(By.id("agency-switch"))).getFirstSelectedOption().getText();
	}

	private static void screenshot(Browser browser, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
	}

}
