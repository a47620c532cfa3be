package io.tokenwarden.health;

import java.time.Instant;
import java.util.List;

/** The health part of an account's page: open problems, and the last 30 days of checks with their chart data. */
public record HealthView(Instant billingProblemSince, Instant permissionProblemSince, Instant unreachableSince,
		List<CheckRecord> checks, String chartJson) {
}
