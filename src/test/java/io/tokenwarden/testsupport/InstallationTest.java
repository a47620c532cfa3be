package io.tokenwarden.testsupport;

import io.tokenwarden.members.HeldResetWorker;
import io.tokenwarden.notifications.TestSmtp;
import io.tokenwarden.tokens.TokenCipher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.util.TestSocketUtils;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real installation as its first admin finds it: the demo off, a key set given, a bootstrap admin
 * ({@link #BOSS}) of "Bootstrap Agency", on a database of its own (so its lockout tests lock nobody else
 * out, and no demo row is ever in it). The server listens on {@link #PORT}, the base URL is {@link #BASE},
 * mail goes to GreenMail ({@link TestSmtp#shared()}), Facebook's app is configured and played by the one
 * {@link PublisherServer}, and X is not configured (as in an installation that has set up Facebook only).
 * Password reset work is held until a test runs it ({@link HeldResetWorker}). One cached context for the
 * team's tests and every other test of the demo switched off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// read before any initializer runs: the embedded database and the demo's profile are decided first
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
		"tokenwarden.demo.enabled=false", "tokenwarden.data-dir=target/test-data-installation",
		"tokenwarden.bootstrap.admin-email=" + InstallationTest.BOSS,
		"tokenwarden.bootstrap.admin-password=" + InstallationTest.BOSS_PASSWORD,
		"tokenwarden.bootstrap.agency=Bootstrap Agency" })
@AutoConfigureMockMvc
@Import({ TestBeans.class, HeldResetWorker.Beans.class })
@ContextConfiguration(initializers = InstallationTest.Properties.class)
public @interface InstallationTest {

	String BOSS = "boss@team.test";

	String BOSS_PASSWORD = "correct horse battery staple";

	/** The port of this context's server, free when the JVM started. */
	int PORT = TestSocketUtils.findAvailableTcpPort();

	/** {@code tokenwarden.base-url}: outside the demo every redirect is absolute at it (web/PublicAddressFilter). */
	String BASE = "http://localhost:" + PORT;

	/** The installation's configuration, as an operator would set it. */
	final class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		private static final String KEYSET = TokenCipher.generateKeyset();

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			String publishers = PublisherServer.server().baseUrl();
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("tokenwarden.encryption.keyset", KEYSET);
			properties.put("server.port", PORT);
			properties.put("tokenwarden.base-url", BASE);
			properties.put("spring.mail.host", "127.0.0.1");
			properties.put("spring.mail.port", TestSmtp.shared().port());
			properties.put("tokenwarden.publishers.facebook.graph-url", publishers + "/v25.0");
			properties.putAll(PublisherServer.facebookApp());
			// X's app is not configured; its API is aimed at the test server all the same, so nothing leaves
			properties.put("tokenwarden.publishers.x.api-url", publishers);
			properties.put("tokenwarden.publishers.x.ads-api-url", publishers);
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("installation-test", properties));
		}

	}

}
