package io.tokenwarden.refresh;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.MutableClock;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.AccountTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** One application context for the Facebook refresh tests: both publishers imitated by one WireMock server. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestData.class, RefreshTestSupport.TestClock.class })
abstract class RefreshTestSupport {

	/** Runs in WireMock's thread before it answers a request: lets a test act while a call is in flight. */
	static final AtomicReference<Consumer<LoggedRequest>> beforeAnswer = new AtomicReference<>(request -> {
	});

	static final WireMockServer publishers = new WireMockServer(options().dynamicPort().extensions(new ServeEventListener() {

		@Override
		public void beforeResponseSent(ServeEvent event, Parameters parameters) {
			beforeAnswer.get().accept(event.getRequest());
		}

		@Override
		public String getName() {
			return "before-answer";
		}

	}));

	static {
		publishers.start();
	}

	@DynamicPropertySource
	static void publisherUrls(DynamicPropertyRegistry registry) {
		publisherProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	/** Both publishers' apps and APIs aimed at WireMock; a second application context gets the same. */
	static Map<String, Object> publisherProperties() {
		Map<String, Object> properties = new java.util.LinkedHashMap<>();
		properties.put("tokenwarden.publishers.facebook.graph-url", publishers.baseUrl() + "/v25.0");
		properties.put("tokenwarden.publishers.x.api-url", publishers.baseUrl());
		// short, so that a publisher that hangs is a quick test
		properties.put("tokenwarden.publishers.read-timeout", "2s");
		properties.put("spring.security.oauth2.client.registration.facebook.client-id", "138483919580948");
		properties.put("spring.security.oauth2.client.registration.facebook.client-secret", "fb-app-secret-for-tests");
		properties.put("spring.security.oauth2.client.provider.facebook.authorization-uri",
				"https://www.facebook.test/v25.0/dialog/oauth");
		properties.put("spring.security.oauth2.client.provider.facebook.token-uri",
				publishers.baseUrl() + "/v25.0/oauth/access_token");
		return properties;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	AccountTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void resetPublishers() {
		publishers.resetAll();
		beforeAnswer.set(request -> {
		});
	}

	long account(Publisher publisher, String... agencies) {
		return this.data.account(publisher, TestData.unique(publisher.displayName() + " Refresh Shop"), agencies);
	}

	String externalId(long accountId) {
		return this.accounts.find(accountId).orElseThrow().externalId();
	}

	/** Clicks Refresh as {@code who} in {@code session}; returns the consent URL's query parameters. */
	Map<String, String> startRefresh(long accountId, WebSession session) throws Exception {
		MvcResult result = session.perform(post("/config/accounts/{id}/refresh", accountId).with(csrf()));
		return query(result.getResponse().getRedirectedUrl());
	}

	/** A URL's query parameters, decoded. */
	static Map<String, String> query(String location) {
		Map<String, String> query = new java.util.LinkedHashMap<>();
		UriComponentsBuilder.fromUri(URI.create(location)).build().getQueryParams().toSingleValueMap()
			.forEach((name, value) -> query.put(name, java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8)));
		return query;
	}

	/** The publisher's redirect back, with {@code parameters} as name, value, name, value... */
	MvcResult callback(String registrationId, WebSession session, String... parameters) throws Exception {
		var request = get("/login/oauth2/code/" + registrationId);
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return session.perform(request);
	}

	WebSession admin() {
		return new WebSession(this.mvc, "admin@demo.test");
	}

	long auditCount(long accountId, String action) {
		return this.jdbc.sql("select count(*) from audit_event where account_id = ? and action = ?")
			.params(accountId, action)
			.query(Long.class)
			.single();
	}

	List<String> auditDetails(long accountId, String action) {
		return this.jdbc.sql("select detail from audit_event where account_id = ? and action = ? order by id")
			.params(accountId, action)
			.query(String.class)
			.list();
	}

	String status(long accountId) {
		return this.jdbc.sql("select status from account_token where account_id = ?").param(accountId)
			.query(String.class).single();
	}

}
