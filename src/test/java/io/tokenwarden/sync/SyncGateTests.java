package io.tokenwarden.sync;

import io.tokenwarden.flash.Flash;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.tokens.TokenStatus;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Instant;
import java.util.Locale;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The gate: while a token is EXPIRED or INVALIDATED nothing reaches the publisher with it, and each place says why. */
class SyncGateTests extends SyncTestSupport {

	@Autowired
	MessageSource messages;

	@Test
	void syncNowWhenTokenValidThenCampaignsImportedWithBudgetSpendAndTheirAdSetsBids() throws Exception {
		String campaign = campaignId();
		Account account = facebookAccount("[" + campaign(campaign, "Spring Sale", "ACTIVE", 5000, "12.34", 150) + "]");

		MvcResult result = syncNow(account.id());

		assertThat(FlashMessages.success(result)).isEqualTo("sync.now.IMPORTED");
		assertThat(FlashMessages.arguments(result, Flash.Level.SUCCESS).get(0)).isEqualTo(1);
		String page = page("viewer@demo.test", "/config/accounts/{id}/campaigns", account.id());
		assertThat(page).contains("Spring Sale", "50.00", "12.34 (24.7%)", "Spring Sale ad set", "1.50", "Last synced just now")
			.doesNotContain("Sync paused", "Data may be stale", "campaign-toggle");
		assertThat(state(account.id()).lastSuccessAt()).isNotNull();
	}

	@Test
	void syncNowWhenTokenInvalidatedThenNoPublisherCallAndEveryPlaceSaysSyncPaused() throws Exception {
		Account account = facebookAccount("[" + campaign(campaignId(), "Brand", "ACTIVE", 1000, "1.00", 100) + "]");
		syncNow(account.id());
		postAs("admin@demo.test", post("/config/accounts/{id}/invalidate", account.id()).param("reason", "USER_LEFT"));
		publishers.resetRequests();

		MvcResult refused = syncNow(account.id());
		this.sync.catchUp(account.id());
		this.sync.runRound();

		assertThat(callsWith(account.token())).isEmpty();
		assertThat(FlashMessages.error(refused)).isEqualTo("sync.refused");
		String campaigns = page("admin@demo.test", "/config/accounts/{id}/campaigns", account.id());
		assertThat(campaigns).contains("Sync paused: token invalid since", "Refresh it here.",
				"href=\"/config/accounts/" + account.id() + "\"", "Data may be stale since", "Brand");
		assertThat(page("admin@demo.test", "/config/accounts/{id}", account.id())).contains("Sync paused: token invalid since");
		String name = this.jdbc.sql("select name from publisher_account where id = ?").param(account.id()).query(String.class).single();
		String list = this.mvc.perform(get("/config/accounts").param("q", name)
			.with(user("manager@demo.test")))
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Data may be stale since");
	}

	@Test
	void pauseWhenTokenExpiredThenRefusedWithTheMessageAndNothingChanges() throws Exception {
		String campaign = campaignId();
		Account account = facebookAccount("[" + campaign(campaign, "Launch", "ACTIVE", 2000, "3.00", 120) + "]");
		syncNow(account.id());
		this.tokens.changeStatus(account.id(), TokenStatus.EXPIRED, "PASSWORD_CHANGED", null, "test");
		Instant since = this.tokens.find(account.id()).orElseThrow().statusChangedAt();
		publishers.resetRequests();

		MvcResult result = postAs("admin@demo.test",
				post("/config/accounts/{id}/campaigns/{c}/status", account.id(), campaign).param("status", "PAUSED"));

		assertThat(FlashMessages.error(result)).isEqualTo("sync.refused");
		Object shownSince = FlashMessages.arguments(result, Flash.Level.ERROR).get(0);
		assertThat((String) shownSince).startsWith(since.toString().substring(0, 10));
		assertThat(this.messages.getMessage("sync.refused", new Object[] { shownSince },
				Locale.ENGLISH))
			.isEqualTo("Sync paused: token invalid since " + shownSince + ". Refresh it here.");
		assertThat(page("admin@demo.test", "/config/accounts/{id}/campaigns", account.id()))
			.contains("Sync paused: token invalid since " + shownSince + ".");
		assertThat(campaignStatus(account.id(), campaign)).isEqualTo("ACTIVE");
		assertThat(actions(account.id())).isZero();
		assertThat(callsWith(account.token())).isEmpty();
	}

	@Test
	void syncWhenPublisherUnreachableThenRetriedSoonTokenStaysValidAndDataIsMarkedStaleUntilItWorks() throws Exception {
		Account account = facebookAccount("[" + campaign(campaignId(), "Always On", "ACTIVE", 1000, "2.00", 100) + "]");
		syncNow(account.id());
		publishers.stubFor(WireMock.get(urlPathEqualTo(GRAPH + "/me/adaccounts")).atPriority(1)
			.willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));
		Instant before = Instant.now();

		MvcResult failed = syncNow(account.id());

		assertThat(FlashMessages.error(failed)).isEqualTo("sync.now.FAILED");
		assertThat(this.tokens.find(account.id()).orElseThrow().status()).isEqualTo(TokenStatus.VALID);
		SyncState state = state(account.id());
		assertThat(state.lastError()).contains("Unreachable");
		assertThat(state.nextSyncAt()).isBefore(before.plusSeconds(5 * 60));
		assertThat(page("admin@demo.test", "/config/accounts/{id}/campaigns", account.id()))
			.contains("Data may be stale since", "The last import failed").doesNotContain("Sync paused");

		publishers.removeStub(publishers.getStubMappings().stream()
			.filter(stub -> stub.getPriority() != null && stub.getPriority() == 1).findFirst().orElseThrow());
		syncNow(account.id());

		assertThat(state(account.id()).lastError()).isNull();
		assertThat(page("admin@demo.test", "/config/accounts/{id}/campaigns", account.id())).doesNotContain("Data may be stale");
	}

	@Test
	void syncWhenPublisherIncidentOpenThenWaitsWithoutAnyCallAndMarksNothingInvalid() throws Exception {
		Account account = facebookAccount("[" + campaign(campaignId(), "Evergreen", "ACTIVE", 1000, "2.00", 100) + "]");
		boolean opened = this.jdbc.sql("""
				insert into publisher_incident (publisher, opened_at, last_probe_at, detail)
				values ('FACEBOOK', now(), now(), 'sync test') on conflict do nothing""").update() == 1;
		try {
			MvcResult waiting = syncNow(account.id());

			assertThat(FlashMessages.error(waiting)).isEqualTo("sync.now.WAITING");
			assertThat(callsWith(account.token())).isEmpty();
			assertThat(this.tokens.find(account.id()).orElseThrow().status()).isEqualTo(TokenStatus.VALID);
			assertThat(state(account.id()).lastError()).contains("can't be reached");
			assertThat(state(account.id()).failures()).isZero();
		}
		finally {
			if (opened) {
				this.jdbc.sql("update publisher_incident set closed_at = now() where detail = 'sync test' and closed_at is null").update();
			}
		}
		syncNow(account.id());
		assertThat(state(account.id()).lastSuccessAt()).isNotNull();
	}

}
