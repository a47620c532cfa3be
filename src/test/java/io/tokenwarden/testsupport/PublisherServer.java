package io.tokenwarden.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The one WireMock server that plays Facebook and X for every test in a {@link DemoConsoleTest} context
 * (started once per JVM, its URLs in {@link DemoConsoleTest.Properties}). A test class resets it before
 * each test ({@code resetAll()}) and stubs only what it uses. Two hooks are set per test, because WireMock
 * takes its extensions only when it is built: the transformer named {@link #IMITATION} (health's
 * token-by-token imitation) and a listener that runs before each answer is sent.
 */
public final class PublisherServer {

	/** The name stubs give {@code withTransformers(...)} to be answered by {@link #imitateWith}'s transformer. */
	public static final String IMITATION = "publisher-imitation";

	private static final AtomicReference<ResponseDefinitionTransformerV2> imitation = new AtomicReference<>();

	private static final AtomicReference<Consumer<LoggedRequest>> beforeAnswer = new AtomicReference<>(request -> {
	});

	private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort()
		.containerThreads(64)
		.stubRequestLoggingDisabled(true)
		.extensions(new DelegatingImitation(), new BeforeAnswer()));

	static {
		SERVER.start();
	}

	private PublisherServer() {
	}

	public static WireMockServer server() {
		return SERVER;
	}

	/** Facebook's app as the tests register it: the consent page made up, the code exchange at this server. */
	public static Map<String, Object> facebookApp() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.security.oauth2.client.registration.facebook.client-id", "138483919580948");
		properties.put("spring.security.oauth2.client.registration.facebook.client-secret", "fb-app-secret-for-tests");
		properties.put("spring.security.oauth2.client.provider.facebook.authorization-uri",
				"https://www.facebook.test/v25.0/dialog/oauth");
		properties.put("spring.security.oauth2.client.provider.facebook.token-uri",
				SERVER.baseUrl() + "/v25.0/oauth/access_token");
		return properties;
	}

	/** Stubs with {@code withTransformers(IMITATION)} are answered by {@code transformer} from now on. */
	public static void imitateWith(ResponseDefinitionTransformerV2 transformer) {
		imitation.set(transformer);
	}

	/** Runs in WireMock's thread before it answers a request: lets a test act while a call is in flight. */
	public static void beforeAnswer(Consumer<LoggedRequest> action) {
		beforeAnswer.set(action);
	}

	private static final class DelegatingImitation implements ResponseDefinitionTransformerV2 {

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			ResponseDefinitionTransformerV2 delegate = imitation.get();
			if (delegate == null) {
				throw new IllegalStateException("no test set an imitation (PublisherServer.imitateWith)");
			}
			return delegate.transform(event);
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return IMITATION;
		}

	}

	private static final class BeforeAnswer implements ServeEventListener {

		@Override
		public void beforeResponseSent(ServeEvent event, Parameters parameters) {
			beforeAnswer.get().accept(event.getRequest());
		}

		@Override
		public String getName() {
			return "before-answer";
		}

	}

}
