package io.tokenwarden.sync;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.testsupport.PublisherServer;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The sync tests: the {@link DemoConsoleTest} configuration (Facebook and X played by the shared WireMock
 * server) with the catch-up after a refresh switched on. That one switch makes this a context of its own:
 * in the console context a catch-up sync would call the publishers behind the back of the tests that assert
 * what was (not) sent. Each test's account has its own token, and the stubs answer only that token, so the
 * journal tells exactly which calls carried it.
 */
@DemoConsoleTest
@TestPropertySource(properties = "tokenwarden.sync.catch-up-after-refresh=true")
abstract class SyncTestSupport {

	static final String GRAPH = "/v25.0";

	static final WireMockServer publishers = PublisherServer.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CampaignSync sync;

	@BeforeEach
	void resetPublishers() {
		publishers.resetAll();
	}

	/** A Facebook account of Northwind Agency whose one ad account runs {@code campaignsJson}. */
	Account facebookAccount(String campaignsJson) {
		TokenSecret token = TestData.secret();
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Sync Shop"), token, null, "Northwind Agency");
		String adAccount = "act_" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
		Account account = new Account(id, token, adAccount);
		stubFacebook(account, token, campaignsJson);
		return account;
	}

	/** Facebook answers {@code token} with the account's ad account and campaigns, and accepts writes. */
	static void stubFacebook(Account account, TokenSecret token, String campaignsJson) {
		String bearer = "Bearer " + token.reveal();
		publishers.stubFor(get(urlPathEqualTo(GRAPH + "/me/adaccounts")).withHeader("Authorization", equalTo(bearer))
			.willReturn(okJson("{\"data\":[{\"id\":\"" + account.adAccount() + "\",\"name\":\"Ads\"}]}")));
		publishers.stubFor(get(urlPathEqualTo(GRAPH + "/" + account.adAccount() + "/campaigns"))
			.withHeader("Authorization", equalTo(bearer))
			.willReturn(okJson("{\"data\":" + campaignsJson + "}")));
		publishers.stubFor(post(urlPathMatching(GRAPH + "/[0-9]+"))
			.withHeader("Authorization", equalTo(bearer))
			.willReturn(okJson("{\"success\":true}")));
	}

	/**
	 * A campaign as the Marketing API lists it with its ad sets expanded: budget in cents, today's spend in
	 * units, and one running ad set ({@link #adSetId}, named "&lt;name&gt; ad set") bidding {@code bidCents}.
	 */
	static String campaign(String id, String name, String status, long budgetCents, String spend, long bidCents) {
		return """
				{"id":"%s","name":"%s","status":"%s","daily_budget":"%d",
				 "insights":{"data":[{"spend":"%s"}]},
				 "adsets":{"data":[{"id":"%s","name":"%s ad set","status":"ACTIVE","bid_amount":%d,
				   "bid_strategy":"LOWEST_COST_WITH_BID_CAP"}]}}"""
			.formatted(id, name, status, budgetCents, spend, adSetId(id), name, bidCents);
	}

	/**
	 * An X account of Northwind Agency: one Ads account with campaign {@code 8wku2} ("Launch", 50.00 a day,
	 * {@code spendMicros} spent today) and its line items {@code itttx} ("Followers", bid 2.40) and
	 * {@code ittty} ("Keywords", bid AUTO); updates are accepted. The stubs answer by path, whatever the
	 * request is signed with.
	 */
	long xAccount(String spendMicros) {
		long id = this.data.account(Publisher.X, TestData.unique("Sync Bird"), TestData.secret(), TestData.secret(),
				"Northwind Agency");
		String adAccount = "18ce" + Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L), 36);
		String base = "/12/accounts/" + adAccount;
		publishers.stubFor(get(urlPathEqualTo("/12/accounts")).willReturn(okJson("""
				{"request":{"params":{}},"next_cursor":null,"data":[{"id":"%s","name":"Bird Ads","approval_status":"ACCEPTED"}]}"""
			.formatted(adAccount))));
		publishers.stubFor(get(urlPathEqualTo(base + "/campaigns")).willReturn(okJson("""
				{"request":{"params":{}},"next_cursor":null,"data":[{"id":"8wku2","name":"Launch","entity_status":"ACTIVE",
				 "daily_budget_amount_local_micro":50000000,"currency":"USD"}]}""")));
		publishers.stubFor(get(urlPathEqualTo(base + "/line_items")).willReturn(okJson("""
				{"request":{"params":{}},"next_cursor":null,"data":[
				 {"id":"itttx","campaign_id":"8wku2","name":"Followers","entity_status":"ACTIVE","bid_strategy":"MAX",
				  "bid_amount_local_micro":2400000},
				 {"id":"ittty","campaign_id":"8wku2","name":"Keywords","entity_status":"ACTIVE","bid_strategy":"AUTO",
				  "bid_amount_local_micro":null}]}""")));
		publishers.stubFor(get(urlPathEqualTo("/12/stats/accounts/" + adAccount)).willReturn(okJson("""
				{"data_type":"stats","time_series_length":1,"data":[{"id":"8wku2","id_data":[{"segment":null,
				 "metrics":{"billed_charge_local_micro":[%s]}}]}],"request":{}}""".formatted(spendMicros))));
		publishers.stubFor(put(urlPathMatching(base + "/(campaigns|line_items)/[a-z0-9]+"))
			.willReturn(okJson("{\"data\":{\"id\":\"itttx\"},\"request\":{}}")));
		return id;
	}

	/** The id of the one ad set {@link #campaign} gives a campaign. */
	static String adSetId(String campaignId) {
		return campaignId + "01";
	}

	static String campaignId() {
		return String.valueOf(ThreadLocalRandom.current().nextLong(120_000_000_000_000L, 129_999_999_999_999L));
	}

	/** Every request that carried this token. */
	static List<LoggedRequest> callsWith(TokenSecret token) {
		return publishers.findAll(anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + token.reveal())));
	}

	MvcResult postAs(String user, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(user)).with(csrf())).andReturn();
	}

	/** "Sync now" as the demo admin. */
	MvcResult syncNow(long accountId) throws Exception {
		return postAs("admin@demo.test", post("/config/accounts/{id}/campaigns/sync", accountId));
	}

	String page(String user, String path, Object... variables) throws Exception {
		return this.mvc.perform(get(path, variables).with(user(user))).andReturn().getResponse().getContentAsString();
	}

	SyncState state(long accountId) {
		return this.jdbc.sql("select * from sync_account where account_id = ?")
			.param(accountId)
			.query((rs, n) -> new SyncState(accountId, SyncStore.instant(rs, "next_sync_at"),
					SyncStore.instant(rs, "last_attempt_at"), SyncStore.instant(rs, "last_success_at"),
					rs.getString("last_error"), rs.getInt("failures")))
			.optional()
			.orElse(SyncState.never(accountId));
	}

	String campaignStatus(long accountId, String campaignId) {
		return this.jdbc.sql("select status from campaign where account_id = ? and campaign_id = ?")
			.params(accountId, campaignId)
			.query(String.class)
			.single();
	}

	long actions(long accountId) {
		return this.jdbc.sql("select count(*) from automation_action where account_id = ?")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	/** A test's account: its id, its token's value and its one ad account. */
	record Account(long id, TokenSecret token, String adAccount) {
	}

}
