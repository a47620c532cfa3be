package io.tokenwarden.agencies;

import java.time.Instant;

/** A person who can sign in, as the team pages show them. */
public record Person(long id, String email, String displayName, boolean enabled, boolean installationAdmin,
		Instant lastSignInAt) {
}
