package io.tokenwarden.channels;

import java.util.Set;

/** What an admin asks for when adding a channel, before validation (see {@link ChannelRules}). */
public record NewChannel(ChannelKind kind, String name, String url, Set<ChannelEvent> events) {

	/** Never the URL: it is a secret. */
	@Override
	public String toString() {
		return "NewChannel[" + this.kind + ", " + this.name + ", " + this.events + "]";
	}

}
