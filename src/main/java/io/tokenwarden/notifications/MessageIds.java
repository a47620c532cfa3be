package io.tokenwarden.notifications;

import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.UUID;

/**
 * Makes the Message-IDs of every email the console sends (digests and link emails): random, so that no
 * two emails of any two installations share one (a mail system that drops duplicates would lose real
 * mail), at the host of {@code tokenwarden.base-url}. Each is stored with its claim, so a resend keeps it.
 */
@Component
class MessageIds {

	private final String domain;

	MessageIds(LinkSettings links) {
		String host = URI.create(links.base()).getHost();
		this.domain = host == null || host.isBlank() ? "tokenwarden.local" : host.replaceAll("[^A-Za-z0-9.-]", "");
	}

	/** A fresh Message-ID, angle brackets included. */
	String next() {
		return "<" + UUID.randomUUID() + "@" + this.domain + ">";
	}

}
