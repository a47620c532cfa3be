package io.tokenwarden.publishers;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The publishers module's API: the {@link PublisherClient} for each {@link Publisher}, and X's OAuth 1.0a
 * consent.
 */
public class Publishers {

	private final Map<Publisher, PublisherClient> clients = new EnumMap<>(Publisher.class);

	private final OAuth1Consent oauth1Consent;

	public Publishers(List<PublisherClient> clients, OAuth1Consent oauth1Consent) {
		this.oauth1Consent = oauth1Consent;
		clients.forEach(client -> this.clients.put(client.publisher(), client));
		for (Publisher publisher : Publisher.values()) {
			if (!this.clients.containsKey(publisher)) {
				throw new IllegalArgumentException("no client for " + publisher);
			}
		}
	}

	public PublisherClient client(Publisher publisher) {
		return this.clients.get(publisher);
	}

	/** X's three-legged OAuth 1.0a consent, which connects and refreshes X accounts. */
	public OAuth1Consent oauth1Consent() {
		return this.oauth1Consent;
	}

}
