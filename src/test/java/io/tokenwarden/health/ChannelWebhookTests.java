package io.tokenwarden.health;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.tokenwarden.channels.AddResult;
import io.tokenwarden.channels.ChannelEvent;
import io.tokenwarden.channels.ChannelKind;
import io.tokenwarden.channels.Channels;
import io.tokenwarden.channels.NewChannel;
import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channels fed by real health rounds, received by a WireMock stub: an outage is one "opened" and one
 * "closed" message and no "expired"; an expiry is one message plus one for its recovery, however many
 * reminder emails go out between; a receiver down for three attempts gets the message once, and every
 * generic webhook carries a signature that README's algorithm verifies. Slack gets an incoming webhook's
 * {@code text} and {@code blocks}, Teams a workflow's Adaptive Card, each naming the event, the publisher
 * and the account.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChannelWebhookTests extends HealthTestSupport {

	static final WireMockServer receiver = new WireMockServer(options().dynamicPort());

	static {
		receiver.start();
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Channels channels;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TokenCipher cipher;

	@AfterEach
	void resetReceiver() {
		receiver.resetAll();
	}

	@Test
	void outageWhenXAnswers401ForEveryTokenThenOneOpenedAndOneClosedMessageAndNoExpired() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		List<TestAccount> xs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			xs.add(account(Publisher.X, Answer.valid(), agencyName(agencyId)));
		}
		Hook hook = webhook(agencyId, 200);
		// the outage-401 storm: without the storm guard every one of these would read as an expiry
		StubMapping storm = publishers.stubFor(get(urlPathEqualTo("/2/users/me")).atPriority(1)
			.willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
				.withBody("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));
		xs.forEach(this::due);
		this.checks.runRound();
		// still down at the next probe: the incident is the same one
		this.clock.advance(Duration.ofMinutes(6));
		xs.forEach(this::due);
		this.checks.runRound();
		this.channels.sendDueNow();
		assertThat(events(hook)).containsExactly("publisher.outage_opened");

		publishers.removeStub(storm);
		this.clock.advance(Duration.ofMinutes(6));
		xs.forEach(this::due);
		this.checks.runRound();
		xs.forEach(this::due);
		this.checks.runRound();
		this.channels.sendDueNow();

		assertThat(events(hook)).containsExactly("publisher.outage_opened", "publisher.outage_closed");
		List<JsonNode> bodies = bodies(hook);
		assertThat(bodies).allSatisfy(body -> {
			assertThat(body.path("publisher").asString()).isEqualTo("X");
			assertThat(body.path("agency").path("id").asLong()).isEqualTo(agencyId);
		});
		assertThat(bodies.get(1).path("text").asString()).startsWith("X answers again");
		xs.forEach(account -> assertThat(status(account)).isEqualTo("VALID"));
		hook.requests().forEach(request -> assertSigned(request, hook.secret()));
	}

	@Test
	void expiryWhenRemindersGoOutThenOneExpiredMessageAndOneRecoveredWhenTheTokenWorksAgain() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		TestAccount account = account(Publisher.FACEBOOK, Answer.refused(460), agencyName(agencyId));
		Hook hook = webhook(agencyId, 200);

		checkAndSend(account);
		this.clock.advance(Duration.ofDays(4));
		checkAndSend(account);
		assertThat(noticeKinds(account.owner())).as("the expiry email and its reminder").containsExactly("EXPIRED", "EXPIRED");
		imitation.answer(account.token(), Answer.valid());
		this.clock.advance(Duration.ofHours(2));
		checkAndSend(account);
		checkAndSend(account);

		assertThat(events(hook)).containsExactly("token.expired", "account.recovered");
		JsonNode expired = bodies(hook).get(0);
		assertThat(expired.path("account").path("id").asLong()).isEqualTo(account.id());
		assertThat(expired.path("reason").asString()).isEqualTo("PASSWORD_CHANGED");
		assertThat(expired.path("text").asString()).contains(account.name(), "changed their password");
		assertThat(expired.path("link").asString()).isEqualTo("https://warden.example.test/config/accounts/" + account.id());
	}

	@Test
	void deliveryWhenTheReceiverIsDownForThreeAttemptsThenItGetsTheMessageOnceAndThePageShowedTheFailures(
			CapturedOutput output) throws Exception {
		long agencyId = agencyOfDemoAdmin();
		TestAccount account = account(Publisher.FACEBOOK, Answer.refused(460), agencyName(agencyId));
		Hook hook = webhook(agencyId, 0);
		String path = hook.path();
		String scenario = "down three times";
		for (int attempt = 1; attempt <= 3; attempt++) {
			receiver.stubFor(post(urlPathEqualTo(path)).inScenario(scenario)
				.whenScenarioStateIs(attempt == 1 ? Scenario.STARTED : "failed " + (attempt - 1))
				.willReturn(aResponse().withStatus(503))
				.willSetStateTo("failed " + attempt));
		}
		receiver.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("failed 3")
			.willReturn(aResponse().withStatus(204)));
		due(account);
		this.checks.runRound();

		this.channels.sendDueNow();
		assertThat(hook.requests()).hasSize(1);
		String channelPage = page(session("admin@demo.test").inAgency(agencyId), "/config/notifications/channels/" + hook.id());
		assertThat(channelPage).contains("Failed, retrying", "HTTP 503", "Failing: 1 waiting");
		assertThat(this.meters.get("tokenwarden.outbox.depth").tag("outbox", "channels").gauge().value())
			.isGreaterThanOrEqualTo(1);
		this.channels.sendDueNow();
		assertThat(hook.requests()).as("before the backoff has passed").hasSize(1);

		// 30 s, then 1 and 2 minutes: each retry waits twice as long as the one before
		for (Duration backoff : List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2))) {
			this.clock.advance(backoff.plusSeconds(1));
			this.channels.sendDueNow();
		}
		this.clock.advance(Duration.ofHours(2));
		this.channels.sendDueNow();

		List<LoggedRequest> requests = hook.requests();
		assertThat(requests).hasSize(4);
		assertThat(requests.stream().map(r -> r.getHeader("X-TokenWarden-Delivery")).distinct()).as("the same message").hasSize(1);
		assertThat(events(hook)).containsOnly("token.expired");
		String log = page(session("admin@demo.test").inAgency(agencyId), "/config/notifications/channels/" + hook.id());
		assertThat(log).contains("Sent").doesNotContain("Failed, retrying");
		assertThat(this.jdbc.sql("select attempts from channel_delivery where channel_id = ?").param(hook.id())
			.query(Integer.class).single()).isEqualTo(4);
		assertThat(output.getAll()).contains("Channel " + hook.id() + ": delivery").doesNotContain(path);
		assertThat(channelPage + log).doesNotContain(path);
	}

	@Test
	void channelWhenItsUrlIsStoredThenOnlyItsCiphertextAndFingerprintAreInTheDatabase() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		Hook hook = webhook(agencyId, 200);

		String row = this.jdbc.sql("select c::text from notification_channel c where id = ?").param(hook.id())
			.query(String.class).single();
		byte[] ciphertext = this.jdbc.sql("select url_ciphertext from notification_channel where id = ?").param(hook.id())
			.query(byte[].class).single();

		String secretPart = hook.path().substring(hook.path().lastIndexOf('/') + 1);
		assertThat(row).doesNotContain(secretPart).doesNotContain(hook.secret())
			.contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(hook.url().getBytes(StandardCharsets.UTF_8))));
		assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(secretPart);
		// moved to another row, the ciphertext does not decrypt: nothing is sent with it
		Hook other = webhook(agencyId, 200);
		this.jdbc.sql("update notification_channel set url_ciphertext = ? where id = ?").params(ciphertext, other.id()).update();
		this.transactions.executeWithoutResult(status -> this.channels.sendTest(agencyId, other.id()));
		this.channels.sendDueNow();
		assertThat(receiver.getAllServeEvents()).isEmpty();
		assertThat(page(session("admin@demo.test").inAgency(agencyId), "/config/notifications/channels/" + other.id()))
			.contains("the stored address does not decrypt");
	}

	@Test
	void slackWhenATokenExpiresThenAnIncomingWebhookMessageWhoseTextNamesTheEventThePublisherAndTheAccount()
			throws Exception {
		long agencyId = agencyOfDemoAdmin();
		TestAccount account = account(Publisher.FACEBOOK, Answer.refused(460), agencyName(agencyId));
		Hook slack = pointedAtReceiver(agencyId, ChannelKind.SLACK,
				"https://hooks.slack.com/services/T0000/B0000/" + UUID.randomUUID().toString().replace("-", ""));

		checkAndSend(account);

		assertThat(slack.requests()).hasSize(1);
		LoggedRequest request = slack.requests().get(0);
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.containsHeader("X-TokenWarden-Signature")).as("Slack checks no signature").isFalse();
		JsonNode message = JSON.readTree(request.getBodyAsString());
		// an incoming webhook takes text (what the notification shows) and optional blocks, nothing of ours
		assertThat(message.propertyNames()).containsExactlyInAnyOrder("text", "blocks");
		assertThat(message.path("text").asString()).startsWith("Token expired: Facebook account " + account.name())
			.contains(account.externalId(), "changed their password");
		JsonNode section = message.path("blocks").path(0);
		assertThat(section.path("type").asString()).isEqualTo("section");
		assertThat(section.path("text").path("type").asString()).isEqualTo("mrkdwn");
		assertThat(section.path("text").path("text").asString()).startsWith("*Token expired*\n")
			.contains("Facebook account " + account.name(), account.externalId());
		JsonNode context = message.path("blocks").path(1);
		assertThat(context.path("type").asString()).isEqualTo("context");
		assertThat(context.path("elements").path(0).path("type").asString()).isEqualTo("mrkdwn");
		assertThat(context.path("elements").path(0).path("text").asString())
			.contains("<https://warden.example.test/config/accounts/" + account.id() + "|Open in Token Warden>",
					agencyName(agencyId));
	}

	@Test
	void teamsWhenATokenExpiresThenAWorkflowMessageWithAnAdaptiveCardNamingTheEventThePublisherAndTheAccount()
			throws Exception {
		long agencyId = agencyOfDemoAdmin();
		TestAccount account = account(Publisher.FACEBOOK, Answer.refused(460), agencyName(agencyId));
		Hook teams = pointedAtReceiver(agencyId, ChannelKind.TEAMS,
				"https://example.webhook.office.com/workflows/" + UUID.randomUUID());

		checkAndSend(account);

		assertThat(teams.requests()).hasSize(1);
		JsonNode message = JSON.readTree(teams.requests().get(0).getBodyAsString());
		// what "Post to a channel when a webhook request is received" reads: a message whose attachments
		// are Adaptive Cards (a workflow posts each attachment's content; it takes no MessageCard)
		assertThat(message.path("type").asString()).isEqualTo("message");
		assertThat(message.path("attachments")).hasSize(1);
		JsonNode attachment = message.path("attachments").path(0);
		assertThat(attachment.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		JsonNode card = attachment.path("content");
		assertThat(card.path("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(card.path("version").asString()).isEqualTo("1.4");
		JsonNode body = card.path("body");
		assertThat(body.path(0).path("type").asString()).isEqualTo("TextBlock");
		assertThat(body.path(0).path("text").asString()).isEqualTo("Token expired");
		assertThat(body.path(1).path("text").asString()).startsWith("Facebook account " + account.name())
			.contains(account.externalId(), "changed their password");
		assertThat(body.path(2).path("type").asString()).isEqualTo("FactSet");
		List<String> facts = new ArrayList<>();
		body.path(2).path("facts").forEach(fact -> facts.add(fact.path("title").asString() + ": "
				+ fact.path("value").asString()));
		assertThat(facts).containsExactly("Agency: " + agencyName(agencyId), "Publisher: Facebook",
				"Account: " + account.name() + " (" + account.externalId() + ")");
		JsonNode open = card.path("actions").path(0);
		assertThat(open.path("type").asString()).isEqualTo("Action.OpenUrl");
		assertThat(open.path("url").asString()).isEqualTo("https://warden.example.test/config/accounts/" + account.id());
	}

	/** README's verification, written out independently of the product's code. */
	void assertSigned(LoggedRequest request, String secret) {
		String timestamp = request.getHeader("X-TokenWarden-Timestamp");
		String signature = request.getHeader("X-TokenWarden-Signature");
		assertThat(timestamp).matches("[0-9]+");
		assertThat(signature).startsWith("v1=");
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal((timestamp + "." + request.getBodyAsString()).getBytes(StandardCharsets.UTF_8));
			assertThat(MessageDigest.isEqual(HexFormat.of().parseHex(signature.substring(3)), expected))
				.as("the signature verifies").isTrue();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		// signed when sent (by the application's clock), so a receiver can refuse an old one
		assertThat(Instant.ofEpochSecond(Long.parseLong(timestamp))).isBeforeOrEqualTo(this.clock.instant());
	}

	/** A generic webhook channel of the agency on the receiver, answering {@code status} (0: the test stubs it). */
	private Hook webhook(long agencyId, int status) {
		String path = "/hooks/" + UUID.randomUUID();
		if (status != 0) {
			receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)));
		}
		String url = receiver.baseUrl() + path;
		AddResult added = this.channels.add(agencyId, "admin@demo.test",
				new NewChannel(ChannelKind.WEBHOOK, "Ops " + path.substring(7, 15), url, EnumSet.allOf(ChannelEvent.class)));
		assertThat(added.refusal()).isNull();
		return new Hook(added.channel().id(), url, path, added.signingSecret());
	}

	/**
	 * A channel of the kind added with {@code url} as an admin would (the rules see the real receiver's
	 * address), whose stored address is then the stub's: the receiver stands in for Slack or Teams.
	 */
	private Hook pointedAtReceiver(long agencyId, ChannelKind kind, String url) {
		String path = "/" + kind.name().toLowerCase(Locale.ROOT) + "/" + UUID.randomUUID();
		receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("1")));
		// one transaction, so no send round ever sees the real address
		return this.transactions.execute(status -> {
			AddResult added = this.channels.add(agencyId, "admin@demo.test",
					new NewChannel(kind, kind + " " + path.substring(path.length() - 8), url, EnumSet.of(ChannelEvent.EXPIRED)));
			assertThat(added.refusal()).isNull();
			long id = added.channel().id();
			this.jdbc.sql("update notification_channel set url_ciphertext = ? where id = ?")
				.params(this.cipher.seal("notification_channel.url", id, receiver.baseUrl() + path), id)
				.update();
			return new Hook(id, url, path, null);
		});
	}

	private void checkAndSend(TestAccount account) {
		due(account);
		this.checks.runRound();
		this.notices.sendDueNow();
		this.channels.sendDueNow();
	}

	private static List<String> events(Hook hook) {
		return bodies(hook).stream().map(body -> body.path("event").asString()).toList();
	}

	private static List<JsonNode> bodies(Hook hook) {
		return hook.requests().stream().map(request -> JSON.readTree(request.getBodyAsString())).toList();
	}

	record Hook(long id, String url, String path, String secret) {

		/** What the receiver got at this hook, oldest first. */
		List<LoggedRequest> requests() {
			List<LoggedRequest> requests = new ArrayList<>(
					receiver.findAll(postRequestedFor(urlPathEqualTo(this.path))));
			requests.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
			return requests;
		}

	}

}
