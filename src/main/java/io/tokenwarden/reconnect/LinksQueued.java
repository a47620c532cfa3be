package io.tokenwarden.reconnect;

/** What "Send reconnect links to every owner of an expired account" queued: emails (one per owner) and accounts. */
public record LinksQueued(int emails, int accounts) {
}
