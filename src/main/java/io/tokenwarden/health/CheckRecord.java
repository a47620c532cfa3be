package io.tokenwarden.health;

import java.time.Instant;

/** One past check of an account, for its page. */
public record CheckRecord(Instant checkedAt, CheckOutcome outcome, String reason, String detail) {
}
