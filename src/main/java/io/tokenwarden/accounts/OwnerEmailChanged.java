package io.tokenwarden.accounts;

import java.time.Instant;

/** An admin changed who receives an account's notices; published inside the change's transaction. */
public record OwnerEmailChanged(long accountId, String previousEmail, String newEmail, String actor, Instant at) {
}
