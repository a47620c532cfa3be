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
import org.springframework.transaction.support.TransactionTemplate;

import java.time.temporal.ChronoUnit;
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
 * its page answers the agency's accounts. (This context is the team's.)
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
