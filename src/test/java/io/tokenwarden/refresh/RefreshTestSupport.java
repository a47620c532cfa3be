package io.tokenwarden.refresh;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.testsupport.MutableClock;
import io.tokenwarden.testsupport.PublisherServer;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.AccountTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The Facebook refresh tests against WireMock, in the shared {@link DemoConsoleTest} context. */
@DemoConsoleTest
abstract class RefreshTestSupport {

	static final WireMockServer publishers = PublisherServer.server();

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
		PublisherServer.beforeAnswer(request -> {
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
