package io.tokenwarden.refresh;

import io.tokenwarden.publishers.Publisher;

import java.time.Instant;

/**
 * The account's owner reconnected it through an email link: the token is valid again (a
 * {@link TokenRefreshed} went with it). Published inside the reconnect's transaction.
 */
public record OwnerReconnected(long accountId, Publisher publisher, String ownerEmail, Instant at) {
}
