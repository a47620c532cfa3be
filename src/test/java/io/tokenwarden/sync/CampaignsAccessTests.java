package io.tokenwarden.sync;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Who may see the Campaigns page and who may change anything on it. */
class CampaignsAccessTests extends SyncTestSupport {

	@Test
	void changesWhenManagerOrViewerThenForbiddenAndNothingReachesThePublisher() throws Exception {
		String campaign = campaignId();
		Account account = facebookAccount("[" + campaign(campaign, "Guarded", "ACTIVE", 1000, "1.00", 100) + "]");
		syncNow(account.id());
		long automation = this.jdbc.sql("""
				insert into automation (account_id, kind, threshold, created_by, created_at)
				values (?, 'AUTOPAUSE', 10, 'test', now()) returning id""").param(account.id()).query(Long.class).single();
		publishers.resetRequests();

		for (String who : List.of("manager@demo.test", "viewer@demo.test")) {
			for (MockHttpServletRequestBuilder request : changes(account.id(), campaign, automation)) {
				assertThat(postAs(who, request).getResponse().getStatus()).as(who).isEqualTo(403);
			}
		}

		assertThat(callsWith(account.token())).isEmpty();
		assertThat(campaignStatus(account.id(), campaign)).isEqualTo("ACTIVE");
		assertThat(this.jdbc.sql("select count(*) from automation where account_id = ?").param(account.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void pageWhenViewerThenReadOnlyAndWhenAccountNotLinkedToTheirAgenciesThen404() throws Exception {
		Account account = facebookAccount("[" + campaign(campaignId(), "Visible", "ACTIVE", 1000, "1.00", 100) + "]");
		syncNow(account.id());

		String viewer = page("viewer@demo.test", "/config/accounts/{id}/campaigns", account.id());
		int stranger = this.mvc.perform(get("/config/accounts/{id}/campaigns", account.id()).with(user("other-admin@demo.test")))
			.andReturn().getResponse().getStatus();

		assertThat(viewer).contains("Visible").doesNotContain("campaign-toggle", "sync-now", "add-automation");
		assertThat(stranger).isEqualTo(404);
		assertThat(postAs("other-admin@demo.test", post("/config/accounts/{id}/campaigns/sync", account.id()))
			.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void accountPageLinksToItsCampaigns() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Linked Shop"), "Northwind Agency");

		assertThat(page("viewer@demo.test", "/config/accounts/{id}", id))
			.contains("href=\"/config/accounts/" + id + "/campaigns\"", "Not synced yet.");
	}

	private static List<MockHttpServletRequestBuilder> changes(long id, String campaign, long automation) {
		return List.of(post("/config/accounts/{id}/campaigns/sync", id),
				post("/config/accounts/{id}/campaigns/{c}/status", id, campaign).param("status", "PAUSED"),
				post("/config/accounts/{id}/automations", id).param("kind", "AUTOPAUSE").param("threshold", "5"),
				post("/config/accounts/{id}/automations/{a}/delete", id, automation));
	}

}
