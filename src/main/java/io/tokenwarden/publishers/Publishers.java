package io.tokenwarden.publishers;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The publishers module's API: the {@link PublisherClient} for each {@link Publisher}. */
public class Publishers {

	private final Map<Publisher, PublisherClient> clients = new EnumMap<>(Publisher.class);

	public Publishers(List<PublisherClient> clients) {
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

}
