package io.tokenwarden.members;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Reconnect links and the status API in a real installation (the demo off): an admin sends the owner a link, the
 * email carries it at the base URL and the owner's page opens with no console login; a personal API token made on
 * its page answers the agency's accounts; a channel's address must be public https. (This context is the team's.)
 */
class ReconnectAndStatusApiDemoOffTests extends TeamTestSupport {

	@Autowired
	AccountDirectory accounts;

	@Autowired
	AccountTokens tokens;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void sendReconnectLinkWhenTheDemoIsOffThenTheOwnerOpensTheLinkAtTheBaseUrlWithoutSigningIn() throws Exception {
		Agency agency = agencyWithAdmin("Reconnect Agency");
		String owner = uniqueEmail("owner");
		String name = unique("Owner's Bakery");
		long id = expiredAccount(agency, owner, name);
		Visitor admin = signedIn(agency.adminEmail());

		MvcResult sent = admin.perform(post("/config/accounts/{id}/reconnect-link", id).with(csrf()));

		assertThat(sent.getResponse().getStatus()).isEqualTo(302);
		// linkSentTo finds the link only at this installation's base URL
		String link = linkSentTo(owner);
		assertThat(link).startsWith("/reconnect/");
		MvcResult page = new Visitor(this.mvc, uniqueAddress()).perform(get(link));
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains(name.replace("'", "&#39;"), agency.name(),
				"Reconnect with Facebook").doesNotContain("/config/");
	}

	@Test
	void apiTokenWhenMadeOnItsPageThenTheStatusApiAnswersTheAgencysAccountsAndAnUnknownOneIsRefused() throws Exception {
		Agency agency = agencyWithAdmin("Api Agency");
		String name = unique("Api Bakery");
		long id = expiredAccount(agency, uniqueEmail("owner"), name);
		Agency other = agencyWithAdmin("Other Api Agency");
		long foreign = expiredAccount(other, uniqueEmail("owner"), unique("Foreign Bakery"));
		Visitor admin = signedIn(agency.adminEmail());

		MvcResult created = admin.perform(post("/account/api-tokens").param("name", "monitoring")
			.param("agencyId", String.valueOf(agency.id())).with(csrf()));
		Matcher shown = Pattern.compile("tw_[A-Za-z0-9_-]{20,}").matcher(created.getResponse().getContentAsString());
		assertThat(shown.find()).as("the token, shown once").isTrue();
		String token = shown.group();

		MvcResult list = this.mvc.perform(get("/api/v1/accounts").param("status", "EXPIRED")
			.header("Authorization", "Bearer " + token)).andReturn();
		assertThat(list.getResponse().getStatus()).isEqualTo(200);
		assertThat(list.getResponse().getContentAsString()).contains(name, "\"status\":\"EXPIRED\"")
			.doesNotContain("Foreign Bakery");
		assertThat(this.mvc.perform(get("/api/v1/accounts/{id}", foreign).header("Authorization", "Bearer " + token))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/api/v1/accounts/{id}", id).header("Authorization", "Bearer tw_unknown"))
			.andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void addChannelWhenTheDemoIsOffAndTheAddressIsPlainHttpOrInsideThenRefusedWithAClearMessageAndNothingSaved()
			throws Exception {
		Agency agency = agencyWithAdmin("Channel Agency");
		Visitor admin = signedIn(agency.adminEmail());
		String hook = "/hook/" + UUID.randomUUID();

		assertRefused(admin, "WEBHOOK", "http://hooks.example.com" + hook, "must start with https://");
		for (String inside : List.of("https://localhost", "https://127.0.0.1", "https://127.0.0.1:8443",
				"https://10.1.2.3", "https://192.168.0.10", "https://172.16.5.4", "https://169.254.169.254",
				"https://[::1]", "https://[fd00::1]", "https://ops.internal", "https://printer.local")) {
			assertRefused(admin, "WEBHOOK", inside + hook, "points at this machine or a private network");
			assertRefused(admin, "TEAMS", inside + hook, "points at this machine or a private network");
		}
		assertThat(count("select count(*) from notification_channel where agency_id = ?", agency.id())).isZero();
		assertThat(count("select count(*) from audit_event where agency_id = ? and action = 'channel_added'",
				agency.id())).isZero();

		// a public https address is taken: the refusals above are about the address, not the form
		MvcResult added = admin.perform(addChannel("TEAMS", "https://example.webhook.office.com" + hook));
		assertThat(added.getResponse().getStatus()).isEqualTo(302);
		assertThat(count("select count(*) from notification_channel where agency_id = ?", agency.id())).isOne();
	}

	private static MockHttpServletRequestBuilder addChannel(String kind, String url) {
		return post("/config/notifications/channels").with(csrf()).param("kind", kind).param("name", "Ops alerts")
			.param("url", url).param("events", "EXPIRED");
	}

	private static void assertRefused(Visitor admin, String kind, String url, String message) throws Exception {
		MvcResult answer = admin.perform(addChannel(kind, url));
		assertThat(answer.getResponse().getStatus()).as(url).isEqualTo(422);
		assertThat(HtmlUtils.htmlUnescape(answer.getResponse().getContentAsString())).as(url)
			.contains(message, "Nothing was added")
			.doesNotContain(url);
	}

	/** An account of the agency, owned by {@code owner}, whose Facebook token has expired. */
	private long expiredAccount(Agency agency, String owner, String name) {
		long id = this.transactions.execute(status -> {
			long account = this.accounts.create(Publisher.FACEBOOK, String.valueOf(1_000_000_000L + Math.abs(
					UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)), name, owner).id();
			this.accounts.link(agency.id(), account);
			this.tokens.store(account, new NewToken(TokenSecret.of("demo-off-" + UUID.randomUUID()), null,
					this.clock.instant().plus(30, ChronoUnit.DAYS), null, "ads_read"), "test");
			return account;
		});
		this.tokens.changeStatus(id, TokenStatus.EXPIRED, "PASSWORD_CHANGED", null, "test");
		return id;
	}

}
