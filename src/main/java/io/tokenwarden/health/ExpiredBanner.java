package io.tokenwarden.health;

/** The expired-token banner: how many of the agency's accounts, and where its link goes. */
public record ExpiredBanner(long count, String link) {
}
