package io.tokenwarden.channels;

/**
 * What adding a channel did: the channel, and for a generic webhook its signing secret (shown this once,
 * never again); or, with nothing changed, why not ({@code refusal}, a message key with the agency's name as
 * its argument).
 */
public record AddResult(ChannelView channel, String signingSecret, String refusal) {

	public boolean added() {
		return this.refusal == null;
	}

	/** Never the signing secret. */
	@Override
	public String toString() {
		return "AddResult[" + (this.channel == null ? this.refusal : "channel " + this.channel.id()) + "]";
	}

}
