package io.tokenwarden.health;

import io.tokenwarden.testsupport.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Config > Notifications > Channels: admins add, test and remove channels; the address never shows again
 * in full; bad input changes nothing; lower roles get 403 and another agency's channel 404.
 */
class ChannelsPageTests extends HealthTestSupport {

	@Test
	void channelsWhenTheAgencyHasNoneThenTheEmptyStateAndTheMenuLinksThePage() throws Exception {
		long agencyId = agencyOfDemoAdmin();

		String page = page(session("admin@demo.test").inAgency(agencyId), "/config/notifications/channels");

		assertThat(page).contains("No channels yet", "Add a channel", "Notifications › Channels");
	}

	@Test
	void addWhenSlackThenTheChannelShowsOnlyItsHostAndLastCharacters() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		WebSession admin = session("admin@demo.test").inAgency(agencyId);
		String secretPart = "B0" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "Zq9X";
		String url = "https://hooks.slack.com/services/T00000000/" + secretPart;

		MockHttpServletResponse added = admin.perform(add("SLACK", "#ops alerts", url, "EXPIRED", "OUTAGE")).getResponse();

		assertThat(added.getStatus()).isEqualTo(302);
		String channelPath = added.getRedirectedUrl();
		String channel = page(admin, channelPath);
		assertThat(channel).contains("#ops alerts", "hooks.slack.com/…Zq9X", "Channel #ops alerts added", "Token expired",
				"Publisher outage opened and closed").doesNotContain(secretPart);
		assertThat(page(admin, "/config/notifications/channels")).contains("hooks.slack.com/…Zq9X").doesNotContain(secretPart);
		// a double click: the same address again adds nothing
		String again = body(admin.perform(add("SLACK", "#ops alerts", url, "EXPIRED")).getResponse());
		assertThat(again).contains("This address is already a channel of");
		assertThat(channels(agencyId)).isEqualTo(1);
	}

	@Test
	void addWhenTheInputIsBadThenAClearMessageAndNothingAdded() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		WebSession admin = session("admin@demo.test").inAgency(agencyId);

		assertRefused(admin, add("SLACK", "Ops", "https://hooks.example.com/services/T0/B0/x", "EXPIRED"),
				"starts with https://hooks.slack.com/services/");
		assertRefused(admin, add("WEBHOOK", "Ops", "not a url at all", "EXPIRED"), "Enter the webhook's full address");
		assertRefused(admin, add("WEBHOOK", "Ops", "ftp://files.example.com/hook", "EXPIRED"), "Enter the webhook's full address");
		assertRefused(admin, add("WEBHOOK", "Ops", "https://hooks.example.com/h"), "Pick at least one of the events");
		assertRefused(admin, add("WEBHOOK", "Ops", "https://hooks.example.com/h", "EXPIRED", "EVERYTHING"),
				"Pick at least one of the events");
		assertRefused(admin, add("WEBHOOK", " ", "https://hooks.example.com/h", "EXPIRED"), "Give the channel a name");
		assertRefused(admin, add("PIGEON", "Ops", "https://hooks.example.com/h", "EXPIRED"), "Choose Slack, Microsoft Teams");
		assertThat(channels(agencyId)).isZero();
	}

	@Test
	void channelsWhenManagerOrViewerThenForbidden() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		long channelId = addWebhook(agencyId);
		for (String user : new String[] { "manager@demo.test", "viewer@demo.test" }) {
			WebSession session = session(user);
			assertThat(session.perform(get("/config/notifications/channels")).getResponse().getStatus()).isEqualTo(403);
			assertThat(session.perform(add("WEBHOOK", "Mine", "https://hooks.example.com/" + UUID.randomUUID(), "EXPIRED"))
				.getResponse().getStatus()).isEqualTo(403);
		}
		// a manager of Northwind, even with the id of a Northwind channel
		long northwind = this.jdbc.sql("select id from agency where name = 'Northwind Agency'").query(Long.class).single();
		long northwindChannel = addWebhook(northwind);
		WebSession manager = session("manager@demo.test");
		assertThat(manager.perform(post("/config/notifications/channels/" + northwindChannel + "/delete").with(csrf()))
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(manager.perform(post("/config/notifications/channels/" + northwindChannel + "/test").with(csrf()))
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(channels(northwind)).isPositive();
		assertThat(channelId).isPositive();
	}

	@Test
	void channelWhenItBelongsToAnotherAgencyThenNotFound() throws Exception {
		long fabrikam = this.jdbc.sql("select id from agency where name = 'Fabrikam Partners'").query(Long.class).single();
		long theirs = addWebhook(fabrikam);
		WebSession admin = session("admin@demo.test");

		assertThat(admin.perform(get("/config/notifications/channels/" + theirs)).getResponse().getStatus()).isEqualTo(404);
		assertThat(admin.perform(get("/config/notifications/channels/" + theirs + "/delete")).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(admin.perform(post("/config/notifications/channels/" + theirs + "/delete").with(csrf())).getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(admin.perform(post("/config/notifications/channels/" + theirs + "/test").with(csrf())).getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(channels(fabrikam)).isPositive();
	}

	@Test
	void postWhenTheCsrfTokenIsMissingThenForbiddenAndNothingChanges() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		WebSession admin = session("admin@demo.test").inAgency(agencyId);
		long channelId = addWebhook(agencyId);

		assertThat(admin.perform(post("/config/notifications/channels").param("kind", "WEBHOOK").param("name", "x")
			.param("url", "https://hooks.example.com/x").param("events", "EXPIRED")).getResponse().getStatus()).isEqualTo(403);
		assertThat(admin.perform(post("/config/notifications/channels/" + channelId + "/delete")).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(channels(agencyId)).isEqualTo(1);
	}

	@Test
	void removeWhenConfirmedThenTheAddressIsForgottenAndAGoneChannelIsHarmlessToRemoveAgain() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		WebSession admin = session("admin@demo.test").inAgency(agencyId);
		long channelId = addWebhook(agencyId);

		String confirm = page(admin, "/config/notifications/channels/" + channelId + "/delete");
		assertThat(confirm).contains("Remove the channel", "forgets its address");
		MockHttpServletResponse removed = admin.perform(post("/config/notifications/channels/" + channelId + "/delete")
			.with(csrf())).getResponse();
		MockHttpServletResponse again = admin.perform(post("/config/notifications/channels/" + channelId + "/delete")
			.with(csrf())).getResponse();

		assertThat(removed.getRedirectedUrl()).isEqualTo("/config/notifications/channels");
		assertThat(again.getStatus()).isEqualTo(302);
		assertThat(channels(agencyId)).isZero();
		assertThat(this.jdbc.sql("select url_ciphertext is null and secret_ciphertext is null from notification_channel where id = ?")
			.param(channelId).query(Boolean.class).single()).isTrue();
		assertThat(admin.perform(get("/config/notifications/channels/" + channelId)).getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void addWhenAGenericWebhookThenItsSigningSecretIsShownOnceAndNeverStoredInPlaintext() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		WebSession admin = session("admin@demo.test").inAgency(agencyId);

		MockHttpServletResponse response = admin.perform(add("WEBHOOK", "Pager", "https://hooks.example.com/" + UUID.randomUUID(),
				"OUTAGE")).getResponse();

		String created = body(response);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		String secret = created.replaceAll("(?s).*value=\"(twsec_[A-Za-z0-9_-]{43})\".*", "$1");
		assertThat(secret).startsWith("twsec_").hasSize(49);
		long channelId = this.jdbc.sql("select max(id) from notification_channel where agency_id = ?").param(agencyId)
			.query(Long.class).single();
		assertThat(this.jdbc.sql("select c::text from notification_channel c where id = ?").param(channelId)
			.query(String.class).single()).doesNotContain(secret);
		assertThat(page(admin, "/config/notifications/channels/" + channelId)).doesNotContain(secret);
	}

	private static MockHttpServletRequestBuilder add(String kind, String name, String url, String... events) {
		MockHttpServletRequestBuilder request = post("/config/notifications/channels").with(csrf())
			.param("kind", kind).param("name", name).param("url", url);
		for (String event : events) {
			request.param("events", event);
		}
		return request;
	}

	private static void assertRefused(WebSession admin, MockHttpServletRequestBuilder request, String message)
			throws Exception {
		MockHttpServletResponse response = admin.perform(request).getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(body(response)).contains(message, "Nothing was added");
	}

	private long addWebhook(long agencyId) {
		return this.jdbc.sql("""
				insert into notification_channel (agency_id, kind, name, url_fingerprint, url_hint, events, created_by, created_at)
				values (?, 'WEBHOOK', 'Theirs', ?, 'hooks.example.com/…abcd', ',EXPIRED,', 'someone', now()) returning id""")
			.params(agencyId, UUID.randomUUID().toString())
			.query(Long.class)
			.single();
	}

	private long channels(long agencyId) {
		return this.jdbc.sql("select count(*) from notification_channel where agency_id = ? and removed_at is null")
			.param(agencyId).query(Long.class).single();
	}

	private static String body(MockHttpServletResponse response) throws Exception {
		return HtmlUtils.htmlUnescape(response.getContentAsString());
	}

}
