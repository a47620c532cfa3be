package io.tokenwarden.agencies;

import java.time.Instant;

/** One agency of the installation, with how many people and publisher accounts it has. */
public record AgencySummary(long id, String name, Instant createdAt, long members, long admins, long accounts) {
}
