package io.tokenwarden.refresh;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who may start a refresh and how, what the consent URL may not be talked into, and how callbacks that
 * belong to no pending refresh are turned away and audited. No publisher is called in any of these.
 */
class RefreshStartTests extends RefreshTestSupport {

	@Test
	void startWhenGetThen405AndNothingStarts() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");

		MvcResult result = admin().perform(get("/config/accounts/{id}/refresh", id));

		assertThat(result.getResponse().getStatus()).isEqualTo(405);
		assertThat(auditCount(id, "refresh_started")).isZero();
		assertThat(issuedStates(id)).isZero();
	}

	@Test
	void startWithoutCsrfThen403AndNothingStarts() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");

		MvcResult result = admin().perform(post("/config/accounts/{id}/refresh", id));

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(auditCount(id, "refresh_started")).isZero();
	}

	@Test
	void startWhenManagerThen403AndWhenTheAccountIsNotLinkedThen404() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");

		assertThat(new WebSession(this.mvc, "manager@demo.test")
			.perform(post("/config/accounts/{id}/refresh", id).with(csrf())).getResponse().getStatus()).isEqualTo(403);
		assertThat(new WebSession(this.mvc, "other-admin@demo.test")
			.perform(post("/config/accounts/{id}/refresh", id).with(csrf())).getResponse().getStatus()).isEqualTo(404);
		assertThat(auditCount(id, "refresh_started")).isZero();
	}

	@Test
	void startWhenTheStartUrlAsksForOtherScopesOrAnotherRedirectThenTheConsentUrlIgnoresThem() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		WebSession session = admin();

		MvcResult result = session.perform(post("/config/accounts/{id}/refresh", id).with(csrf())
			.param("scope", "pages_manage_posts user_friends").param("redirect_uri", "https://evil.example/steal")
			.param("response_type", "token").param("code_challenge_method", "plain"));

		Map<String, String> consent = query(result.getResponse().getRedirectedUrl());
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("https://www.facebook.test/v25.0/dialog/oauth?");
		assertThat(consent.get("scope").split("[ ,]")).containsExactlyInAnyOrder("ads_read", "ads_management",
				"business_management", "pages_show_list", "pages_read_engagement");
		assertThat(consent).containsEntry("redirect_uri", "http://localhost/login/oauth2/code/facebook")
			.containsEntry("response_type", "code").doesNotContainEntry("code_challenge_method", "plain");
	}

	@Test
	void startTwiceInOneSessionThenOnlyTheNewerConsentCanComeBack() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		WebSession session = admin();
		Map<String, String> first = startRefresh(id, session);
		startRefresh(id, session);

		MvcResult result = callback("facebook", session, "code", "Zmlyc3Q", "state", first.get("state"));

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("Start the refresh again");
		assertThat(publishers.getAllServeEvents()).isEmpty();
	}

	@Test
	void callbackFromAnotherBrowserSessionThen400NoPublisherCallAndAuditedAgainstTheAccount() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		String before = this.tokens.accessToken(id).orElseThrow().reveal();
		Map<String, String> consent = startRefresh(id, admin());
		WebSession elsewhere = admin();

		MvcResult result = callback("facebook", elsewhere, "code", "c3RvbGVu", "state", consent.get("state"));

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(publishers.getAllServeEvents()).isEmpty();
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(before);
		assertThat(this.jdbc.sql("select actor, detail from audit_event where account_id = ? and action = 'refresh_failed'")
			.param(id)
			.query((rs, n) -> rs.getString(1) + " | " + rs.getString(2))
			.single()).startsWith("admin@demo.test | state not pending in this browser session")
			.contains("state issued to admin@demo.test").contains("from another browser session");
	}

	@Test
	void callbackWithAStateNobodyIssuedThen400AndAuditedAsTheSignedInPersonWithoutAccount() throws Exception {
		String state = "forged-" + System.nanoTime();

		MvcResult result = callback("facebook", admin(), "code", "Zm9yZ2Vk", "state", state);

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where action = 'refresh_failed' and actor = 'admin@demo.test'
				and account_id is null and detail like '%unknown state%' and occurred_at > now() - interval '1 minute'""")
			.query(Long.class).single()).isPositive();
		assertThat(publishers.getAllServeEvents()).isEmpty();
	}

	@Test
	void callbackWhenRedirectedBackThenTheNextAddressCarriesNeitherCodeNorState() throws Exception {
		long id = account(Publisher.FACEBOOK, "Northwind Agency");
		WebSession session = admin();
		Map<String, String> consent = startRefresh(id, session);

		MvcResult result = callback("facebook", session, "error", "access_denied", "state", consent.get("state"));

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts");
		assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
	}

	private long issuedStates(long accountId) {
		return this.jdbc.sql("select count(*) from refresh_state where account_id = ?").param(accountId)
			.query(Long.class).single();
	}

}
