package io.tokenwarden.health;

import java.time.Instant;
import java.util.List;

/**
 * The health part of an account's page: open problems, the publisher whose last answer could not be read
 * (null when it could), and the last 30 days of checks with their chart data.
 */
public record HealthView(Instant billingProblemSince, Instant permissionProblemSince, Instant unreachableSince,
		String unrecognisedAnswerOf, Instant lastCheckedAt, List<CheckRecord> checks, String chartJson) {
}
