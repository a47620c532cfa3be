package io.tokenwarden.health;

import io.tokenwarden.publishers.Publisher;

import java.time.Instant;

/** A publisher-wide outage: its checks pause, its banner shows, no "can't reach" notices go out. */
public record PublisherIncident(Publisher publisher, Instant openedAt) {
}
