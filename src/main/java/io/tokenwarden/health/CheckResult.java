package io.tokenwarden.health;

import io.tokenwarden.publishers.PublisherOutcome;

/** What one check learned: the token's outcome and, for a valid token, any billing problem of its ad accounts. */
record CheckResult(PublisherOutcome outcome, PublisherOutcome.FundingSourceInvalid billingProblem) {
}
