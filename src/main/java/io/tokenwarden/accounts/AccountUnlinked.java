package io.tokenwarden.accounts;

import java.time.Instant;

/**
 * An admin unlinked an account from one agency; published inside the unlink's transaction, so a
 * listener's failure undoes it. When {@code lastLink} is true no agency has the account any more: it is
 * archived, and its token is to be revoked and forgotten.
 */
public record AccountUnlinked(long accountId, long agencyId, boolean lastLink, String actor, Instant at) {
}
