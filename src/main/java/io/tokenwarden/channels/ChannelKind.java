package io.tokenwarden.channels;

/** Where a channel posts: each kind has its own message format. */
public enum ChannelKind {

	/** A Slack incoming webhook ({@code https://hooks.slack.com/services/...}): {@code {"text", "blocks"}}. */
	SLACK,

	/** A Microsoft Teams workflow ("Post to a channel when a webhook request is received"): an Adaptive Card. */
	TEAMS,

	/** Any HTTPS endpoint: Token Warden's own JSON, signed with HMAC-SHA256. */
	WEBHOOK

}
