package io.tokenwarden.agencies;

import java.time.Instant;

/** A person's membership of one agency, as Config > Members lists it. */
public record Member(long userId, String email, String displayName, Role role, Instant lastSignInAt) {
}
