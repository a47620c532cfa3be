package io.tokenwarden.testsupport;

import io.tokenwarden.notifications.TestSmtp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo console with imitated publishers: the demo on (its agencies and users), MockMvc, a running
 * server on a random port, Facebook and X played by the one {@link PublisherServer}, GreenMail as the mail
 * server ({@link TestSmtp#shared()}), and {@link TestBeans}. One cached context for the tests of accounts,
 * health, the WireMock refresh tests ({@code RefreshTestSupport}), notifications, invalidation and
 * revocation, security headers and sessions, operations, the database and the demo data. A test class
 * with publishers resets {@link PublisherServer} before each test; a test with mail registers
 * {@code TestSmtp.shared()}. Nothing else may be configured per class: a property, import or bean of one
 * class's own starts another context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestBeans.class)
@ContextConfiguration(initializers = DemoConsoleTest.Properties.class)
public @interface DemoConsoleTest {

	/** Where the publishers and the mail server are; also what a second instance of the console gets. */
	final class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		public static Map<String, Object> values() {
			String publishers = PublisherServer.server().baseUrl();
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("tokenwarden.publishers.facebook.graph-url", publishers + "/v25.0");
			properties.put("tokenwarden.publishers.x.api-url", publishers);
			// X on the same server: its paths (/1.1/..., /2/..., /12/...) do not meet Graph's (/v25.0/...)
			properties.put("tokenwarden.publishers.x.ads-api-url", publishers);
			properties.putAll(PublisherServer.facebookApp());
			// X is an OAuth 1.0a app: its consumer credentials sign every call
			properties.put("tokenwarden.publishers.x.consumer-key", "x-consumer-key-for-tests");
			properties.put("tokenwarden.publishers.x.consumer-secret", "x-consumer-secret-for-tests");
			properties.put("spring.mail.host", "127.0.0.1");
			properties.put("spring.mail.port", TestSmtp.shared().port());
			properties.put("tokenwarden.base-url", "https://warden.example.test");
			return properties;
		}

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("demo-console-test", values()));
		}

	}

}
