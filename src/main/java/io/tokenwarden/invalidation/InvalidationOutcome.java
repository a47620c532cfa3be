package io.tokenwarden.invalidation;

import java.util.List;

/** What an invalidate request did: invalidated the token for these agencies, or nothing (already done). */
public record InvalidationOutcome(boolean alreadyInvalidated, String accountName, List<String> agencies) {
}
