package io.tokenwarden.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Headless Debian Chromium for browser tests, as a JUnit extension field. Without Chromium the tests
 * skip with a loud message locally, and fail in CI ({@code TOKENWARDEN_BROWSER_TESTS=required}). A failed
 * test leaves a screenshot and the page source under {@code target/browser-failures/}.
 */
public class Browser implements BeforeEachCallback, AfterEachCallback {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private WebDriver driver;

	private String baseUrl;

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
			String message = "\n\n!!!!! BROWSER TESTS SKIPPED: no " + CHROMIUM + " / " + CHROMEDRIVER
					+ " (apt-get install -y chromium chromium-driver) !!!!!\n";
			System.err.println(message);
			if ("required".equals(System.getenv("TOKENWARDEN_BROWSER_TESTS"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,1000",
				"--user-data-dir=" + Files.createTempDirectory("tw-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.driver == null) {
			return;
		}
		try {
			if (context.getExecutionException().isPresent()) {
				Path dir = Path.of("target", "browser-failures");
				Files.createDirectories(dir);
				String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
				File shot = ((ChromeDriver) this.driver).getScreenshotAs(OutputType.FILE);
				Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				Files.writeString(dir.resolve(name + ".html"), this.driver.getPageSource());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.quit();
			this.driver = null;
		}
	}

	public Browser at(String baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	public WebDriver driver() {
		return this.driver;
	}

	public void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	public void logIn(String email) {
		open("/login");
		this.driver.findElement(By.id("username")).sendKeys(email);
		this.driver.findElement(By.id("password")).sendKeys("demo");
		this.driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor(By.cssSelector("h1"));
	}

	/**
	 * Saves what the browser shows as {@code name} under {@code target/screenshots/}; with
	 * {@code TOKENWARDEN_SCREENSHOTS=docs/screenshots} (README, "Screenshots") under that folder instead, which
	 * is how the README's pictures are taken again. A plain test run never changes the work tree.
	 */
	public void screenshot(String name) {
		String folder = System.getenv("TOKENWARDEN_SCREENSHOTS");
		Path dir = Path.of(folder == null || folder.isBlank() ? "target/screenshots" : folder);
		try {
			Files.createDirectories(dir);
			Files.write(dir.resolve(name), ((ChromeDriver) this.driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Clicks what submits a form, then waits until the page it was on is gone, so that the next read
	 * meets the new page and never an element of the old one as it goes away.
	 */
	public void submitAndWaitForTheNextPage(By submit) {
		WebElement before = this.driver.findElement(By.tagName("html"));
		this.driver.findElement(submit).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(before));
	}

	public WebElement waitFor(By locator) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	public void waitForText(By locator, String text) {
		new WebDriverWait(this.driver, Duration.ofSeconds(15))
			.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
	}

}
