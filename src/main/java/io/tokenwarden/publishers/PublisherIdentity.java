package io.tokenwarden.publishers;

/** Who a token belongs to at the publisher: the publisher's user id, display name and (X) handle. */
public record PublisherIdentity(String id, String name, String username) {
}
