package io.tokenwarden.channels;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What goes over the wire. A delivery stores Token Warden's own JSON (the generic webhook's body); at send
 * time it becomes a Slack message ({@code text} and {@code blocks}) or an Adaptive Card for a Teams
 * workflow. A generic webhook's body is signed: HMAC-SHA256 over {@code timestamp + "." + body}.
 */
@Component
class ChannelMessages {

	static final String SIGNATURE_HEADER = "X-TokenWarden-Signature";

	static final String TIMESTAMP_HEADER = "X-TokenWarden-Timestamp";

	static final String EVENT_HEADER = "X-TokenWarden-Event";

	static final String DELIVERY_HEADER = "X-TokenWarden-Delivery";

	private final JsonMapper json;

	private final MessageSource messages;

	ChannelMessages(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	/** The body to post for a channel of this kind. */
	String body(ChannelKind kind, String payload) {
		JsonNode event = this.json.readTree(payload);
		return switch (kind) {
			case WEBHOOK -> payload;
			case SLACK -> slack(event).toString();
			case TEAMS -> teams(event).toString();
		};
	}

	private ObjectNode slack(JsonNode event) {
		String title = text(event, "title");
		String body = text(event, "text");
		String link = text(event, "link");
		ObjectNode message = this.json.createObjectNode();
		message.put("text", slackEscape(title + ": " + body));
		ArrayNode blocks = message.putArray("blocks");
		ObjectNode section = blocks.addObject().put("type", "section");
		section.putObject("text").put("type", "mrkdwn").put("text", "*" + slackEscape(title) + "*\n" + slackEscape(body));
		ObjectNode context = blocks.addObject().put("type", "context");
		context.putArray("elements").addObject().put("type", "mrkdwn")
			.put("text", "<" + link + "|" + slackEscape(label("channels.message.open")) + "> · "
					+ slackEscape(event.path("agency").path("name").asString("")));
		return message;
	}

	private ObjectNode teams(JsonNode event) {
		ObjectNode message = this.json.createObjectNode().put("type", "message");
		ObjectNode attachment = message.putArray("attachments").addObject()
			.put("contentType", "application/vnd.microsoft.card.adaptive");
		attachment.putNull("contentUrl");
		ObjectNode card = attachment.putObject("content")
			.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
			.put("type", "AdaptiveCard")
			.put("version", "1.4");
		ArrayNode body = card.putArray("body");
		body.addObject().put("type", "TextBlock").put("text", text(event, "title")).put("weight", "Bolder")
			.put("size", "Medium").put("wrap", true);
		body.addObject().put("type", "TextBlock").put("text", text(event, "text")).put("wrap", true);
		ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
		facts.addObject().put("title", label("channels.message.agency"))
			.put("value", event.path("agency").path("name").asString(""));
		if (event.hasNonNull("publisher")) {
			facts.addObject().put("title", label("channels.message.publisher")).put("value", text(event, "publisherName"));
		}
		JsonNode account = event.path("account");
		if (account.isObject()) {
			facts.addObject().put("title", label("channels.message.account"))
				.put("value", account.path("name").asString("") + " (" + account.path("externalId").asString("") + ")");
		}
		card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", label("channels.message.open"))
			.put("url", text(event, "link"));
		return message;
	}

	/** {@code v1=} and the lowercase hex HMAC-SHA256, keyed with the secret, of {@code timestamp + "." + body}. */
	static String signature(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing", ex);
		}
	}

	private String label(String key) {
		return this.messages.getMessage(key, null, Locale.ENGLISH);
	}

	private static String text(JsonNode event, String field) {
		return event.path(field).asString("");
	}

	/** Slack reads {@code &}, {@code <} and {@code >} as markup: they must be escaped in text. */
	private static String slackEscape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
