package io.tokenwarden.health;

/** An admin asked for every token of an agency to be checked now. */
public record ChecksRequested(long agencyId) {
}
