package io.tokenwarden.refresh;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.SeenAsset;
import io.tokenwarden.flash.Flash;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.Publishers;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Refreshing an X account through X's three-legged OAuth 1.0a consent, end to end against the demo's
 * sandbox X, which checks every signature: request token, the consent page, the callback, the access
 * token, the identity check, and the stored token secret.
 */
class XRefreshTests extends SandboxRefreshSupport {

	private static final String ACCESS_TOKEN = "/sandbox/x/oauth/access_token";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	AccountTokens tokens;

	@Autowired
	Publishers publishers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SandboxCalls calls;

	@Test
	void refreshWhenTheAdminAuthorizesAtXThenTheTokenAndItsSecretAreStoredEncryptedAndSignCalls() throws Exception {
		long id = expiredXAccount();
		String before = this.tokens.accessToken(id).orElseThrow().reveal();
		WebSession session = admin();

		String authorize = startRefresh(id, session);
		MvcResult result = session.perform(get(authorizeAtX(authorize, externalId(id), "continue")));

		assertThat(authorize).startsWith("http://localhost:" + PORT + "/sandbox/x/oauth/authorize?oauth_token=");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/config/accounts");
		assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(FlashMessages.success(result)).isEqualTo("refresh.done");
		assertThat(status(id)).isEqualTo("VALID");
		HeldToken held = new HeldToken(this.tokens.accessToken(id).orElseThrow(), this.tokens.tokenSecret(id).orElseThrow());
		assertThat(held.accessToken().reveal()).isNotEqualTo(before).startsWith(externalId(id) + "-");
		Map<String, Object> row = this.jdbc.sql("""
				select access_token_ciphertext, token_secret_ciphertext, expires_at from account_token where account_id = ?""")
			.param(id).query().singleRow();
		assertThat(new String((byte[]) row.get("access_token_ciphertext"), StandardCharsets.ISO_8859_1))
			.doesNotContain(held.accessToken().reveal());
		assertThat(new String((byte[]) row.get("token_secret_ciphertext"), StandardCharsets.ISO_8859_1))
			.doesNotContain(held.tokenSecret().reveal());
		assertThat(row.get("expires_at")).as("X's OAuth 1.0a tokens do not expire").isNull();
		assertThat(this.accounts.assets(id)).extracting(SeenAsset::kind).containsExactly("PROFILE");
		assertThat(auditDetails(id, "token_refreshed")).containsExactly("EXPIRED → VALID");
		// the stored pair signs what the health check sends: a valid token for the sandbox X
		assertThat(this.publishers.client(Publisher.X).inspect(held)).isInstanceOf(PublisherOutcome.Valid.class);
	}

	@Test
	void refreshWhenTheUserCancelsAtXThenSaysSoAndNothingIsExchanged() throws Exception {
		long id = expiredXAccount();
		String before = this.tokens.accessToken(id).orElseThrow().reveal();
		int exchanges = this.calls.to(ACCESS_TOKEN);
		WebSession session = admin();

		String callback = authorizeAtX(startRefresh(id, session), externalId(id), "cancel");
		MvcResult result = session.perform(get(callback));

		assertThat(callback).contains("denied=");
		assertThat(FlashMessages.error(result)).isEqualTo("refresh.cancelled");
		assertThat(FlashMessages.arguments(result, Flash.Level.ERROR)).containsExactly("X",
				this.accounts.find(id).orElseThrow().name());
		assertThat(this.calls.to(ACCESS_TOKEN)).isEqualTo(exchanges);
		assertThat(status(id)).isEqualTo("EXPIRED");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(before);
		assertThat(auditDetails(id, "refresh_failed")).singleElement().asString().contains("denied at X");
	}

	@Test
	void callbackWhenReplayedOrFromAnotherSessionThenNoAccessTokenCallNothingChangesAndItIsAudited() throws Exception {
		long id = expiredXAccount();
		WebSession session = admin();
		String callback = authorizeAtX(startRefresh(id, session), externalId(id), "continue");
		int exchanges = this.calls.to(ACCESS_TOKEN);

		MvcResult foreign = admin().perform(get(callback));

		assertThat(foreign.getResponse().getStatus()).isEqualTo(400);
		assertThat(foreign.getResponse().getContentAsString()).contains("Start the refresh again");
		assertThat(this.calls.to(ACCESS_TOKEN)).as("no access token asked for").isEqualTo(exchanges);
		assertThat(status(id)).isEqualTo("EXPIRED");
		assertThat(auditDetails(id, "refresh_failed")).singleElement().asString()
			.contains("oauth_token not pending in this browser session", "issued to admin@demo.test");

		// the consent is still pending in its own session, once
		assertThat(FlashMessages.success(session.perform(get(callback)))).isEqualTo("refresh.done");
		assertThat(this.calls.to(ACCESS_TOKEN)).isEqualTo(exchanges + 1);
		MvcResult replayed = session.perform(get(callback));
		assertThat(replayed.getResponse().getStatus()).isEqualTo(400);
		assertThat(this.calls.to(ACCESS_TOKEN)).isEqualTo(exchanges + 1);
		assertThat(auditDetails(id, "refresh_failed")).hasSize(2);
	}

	@Test
	void refreshWhenAuthorizedAsAnotherXUserThenExplainsAndStoresNothing() throws Exception {
		long id = expiredXAccount();
		long other = this.data.sandboxAccount(Publisher.X, TestData.unique("Somebody Else"), "Fabrikam Partners");
		String before = this.tokens.accessToken(id).orElseThrow().reveal();
		WebSession session = admin();

		MvcResult result = session.perform(get(authorizeAtX(startRefresh(id, session), externalId(other), "continue")));

		assertThat(FlashMessages.error(result)).isEqualTo("refresh.wrongIdentity");
		assertThat(FlashMessages.arguments(result, Flash.Level.ERROR)).containsSequence(externalId(other),
				externalId(id), this.accounts.find(id).orElseThrow().name());
		assertThat(status(id)).isEqualTo("EXPIRED");
		assertThat(this.tokens.accessToken(id).orElseThrow().reveal()).isEqualTo(before);
		assertThat(auditDetails(id, "refresh_failed")).singleElement().asString().contains("account mismatch");
	}

	@Test
	void callbackWithoutVerifierOrWithTwoTokensThen400AndNoCall() throws Exception {
		long id = expiredXAccount();
		WebSession session = admin();
		startRefresh(id, session);
		int calls = this.calls.to(ACCESS_TOKEN);

		assertThat(session.perform(get("/login/oauth1/callback/x").param("oauth_token", "a")).getResponse().getStatus())
			.isEqualTo(400);
		assertThat(session.perform(get("/login/oauth1/callback/x").param("oauth_token", "a", "b")
			.param("oauth_verifier", "v")).getResponse().getStatus()).isEqualTo(400);
		assertThat(this.calls.to(ACCESS_TOKEN)).isEqualTo(calls);
	}

	private long expiredXAccount() {
		long id = this.data.sandboxAccount(Publisher.X, TestData.unique("X Refresh Shop"), "Northwind Agency");
		this.tokens.changeStatus(id, TokenStatus.EXPIRED, "INVALID", null, "test");
		return id;
	}

	private WebSession admin() {
		return new WebSession(this.mvc, "admin@demo.test");
	}

	/** Clicks Refresh; answers X's authorize page it sends the browser to. */
	private String startRefresh(long id, WebSession session) throws Exception {
		MvcResult result = session.perform(post("/config/accounts/{id}/refresh", id).with(csrf()));
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	/** On the sandbox X's consent page, as the user with this X id: "Authorize app" or "Cancel"; answers the callback. */
	private String authorizeAtX(String authorizeUrl, String xUserId, String decision) throws Exception {
		String requestToken = RefreshTestSupport.query(authorizeUrl).get("oauth_token");
		long sandboxUser = this.jdbc.sql("select id from sandbox_user where publisher = 'X' and external_id = ?")
			.param(xUserId).query(Long.class).single();
		MvcResult result = this.mvc.perform(post("/sandbox/x/oauth/authorize").with(csrf())
			.param("oauth_token", requestToken)
			.param("sandbox_user", String.valueOf(sandboxUser))
			.param("sandbox_decision", decision)).andReturn();
		return result.getResponse().getHeader("Location");
	}

	private String externalId(long accountId) {
		return this.accounts.find(accountId).orElseThrow().externalId();
	}

	private String status(long accountId) {
		return this.jdbc.sql("select status from account_token where account_id = ?").param(accountId)
			.query(String.class).single();
	}

	private List<String> auditDetails(long accountId, String action) {
		return this.jdbc.sql("select detail from audit_event where account_id = ? and action = ? order by id")
			.params(accountId, action)
			.query(String.class)
			.list();
	}

}
