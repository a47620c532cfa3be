package io.tokenwarden.channels;

import io.tokenwarden.health.AccountHealthChanged;
import io.tokenwarden.health.PublisherOutageChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns what the health checks decided into channel deliveries, in the transaction that decided it: the
 * message is committed with the state change it reports, or not at all. The health events carry a key per
 * incident, and a channel keeps one delivery per key, so an incident and its recovery are one message each
 * however many instances or rounds see them.
 */
@Component
class ChannelAlerts {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final ChannelStore channels;

	private final DeliveryOutbox outbox;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	private final String baseUrl;

	ChannelAlerts(ChannelStore channels, DeliveryOutbox outbox, MessageSource messages, JsonMapper json, Clock clock,
			@Value("${tokenwarden.base-url:http://localhost:8080}") String baseUrl) {
		this.channels = channels;
		this.outbox = outbox;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@EventListener
	void onAccount(AccountHealthChanged change) {
		ChannelEvent event = switch (change.change()) {
			case EXPIRED -> ChannelEvent.EXPIRED;
			case EXPIRY_WARNING -> ChannelEvent.EXPIRY_WARNING;
			case FUNDING_PROBLEM -> ChannelEvent.FUNDING_PROBLEM;
			case RECOVERED -> ChannelEvent.RECOVERED;
		};
		String type = switch (change.change()) {
			case EXPIRED -> "token.expired";
			case EXPIRY_WARNING -> "token.expiry_warning";
			case FUNDING_PROBLEM -> "account.funding_problem";
			case RECOVERED -> "account.recovered";
		};
		String publisher = change.publisher().displayName();
		String textKey = change.change() == AccountHealthChanged.HealthChange.EXPIRY_WARNING
				&& "DATA_ACCESS_EXPIRED".equals(change.reason()) ? "channels.text." + type + ".dataAccess"
						: "channels.text." + type;
		String reason = change.reason() == null ? "" : message("reason." + change.reason());
		String text = message(textKey, publisher, change.accountName(), change.externalId(),
				change.change() == AccountHealthChanged.HealthChange.EXPIRY_WARNING ? when(change.expiresAt()) : reason);
		String title = message("channels.title." + type);
		String link = this.baseUrl + "/config/accounts/" + change.accountId();
		for (ChannelStore.Recipient recipient : this.channels.forAccount(change.accountId(), event)) {
			ObjectNode payload = payload(recipient, type, change.at(), title, text, link);
			payload.put("publisher", change.publisher().name()).put("publisherName", publisher);
			payload.putObject("account").put("id", change.accountId()).put("externalId", change.externalId())
				.put("name", change.accountName());
			payload.put("reason", change.reason());
			payload.put("expiresAt", change.expiresAt() == null ? null : change.expiresAt().toString());
			enqueue(recipient, payload, change.key());
		}
	}

	@EventListener
	void onOutage(PublisherOutageChanged change) {
		String type = change.opened() ? "publisher.outage_opened" : "publisher.outage_closed";
		String publisher = change.publisher().displayName();
		String title = message("channels.title." + type, publisher);
		String text = message("channels.text." + type, publisher, when(change.openedAt()), when(change.closedAt()));
		String key = "outage:" + change.publisher().name() + ":" + change.openedAt().toEpochMilli()
				+ (change.opened() ? ":opened" : ":closed");
		for (ChannelStore.Recipient recipient : this.channels.forPublisher(change.publisher(), ChannelEvent.OUTAGE)) {
			ObjectNode payload = payload(recipient, type, change.opened() ? change.openedAt() : change.closedAt(), title,
					text, this.baseUrl + "/config/accounts");
			payload.put("publisher", change.publisher().name()).put("publisherName", publisher);
			payload.putObject("outage").put("openedAt", change.openedAt().toString())
				.put("closedAt", change.closedAt() == null ? null : change.closedAt().toString());
			enqueue(recipient, payload, key);
		}
	}

	/** A test message to one channel; each one is new (its own key). */
	void test(ChannelStore.Recipient recipient, String channelName) {
		Instant now = this.clock.instant();
		ObjectNode payload = payload(recipient, "channel.test", now, message("channels.title.channel.test"),
				message("channels.text.channel.test", channelName, recipient.agencyName()),
				this.baseUrl + "/config/notifications/channels/" + recipient.channelId());
		enqueue(recipient, payload, "test:" + UUID.randomUUID());
	}

	private ObjectNode payload(ChannelStore.Recipient recipient, String type, Instant at, String title, String text,
			String link) {
		ObjectNode payload = this.json.createObjectNode();
		payload.put("id", UUID.randomUUID().toString());
		payload.put("event", type);
		payload.put("occurredAt", at.toString());
		payload.putObject("agency").put("id", recipient.agencyId()).put("name", recipient.agencyName());
		payload.put("title", title);
		payload.put("text", text);
		payload.put("link", link);
		return payload;
	}

	private void enqueue(ChannelStore.Recipient recipient, ObjectNode payload, String key) {
		String summary = payload.path("text").asString("");
		this.outbox.insert(recipient.channelId(), UUID.fromString(payload.path("id").asString()),
				payload.path("event").asString(), key, summary.length() <= 1000 ? summary : summary.substring(0, 1000),
				payload.toString(), this.clock.instant());
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.ENGLISH);
	}

	private static String when(Instant instant) {
		return instant == null ? "" : WHEN.format(instant);
	}

}
