package io.tokenwarden.health;

import io.tokenwarden.publishers.PublisherOutcome;

/** The outcome of one check as the history, the chart and the Valid column name it. */
public enum CheckOutcome {

	VALID, EXPIRED, UNREACHABLE, RATE_LIMITED, FUNDING_SOURCE_INVALID, PERMISSION_MISSING, MISCONFIGURED, REFUSED,

	/** The publisher answered, but not in a shape Token Warden can read: nothing changes, it is checked again next round. */
	UNRECOGNISED;

	/** The name of the publisher's answer. */
	static CheckOutcome of(PublisherOutcome outcome) {
		if (outcome instanceof PublisherOutcome.Valid) {
			return VALID;
		}
		if (outcome instanceof PublisherOutcome.Expired) {
			return EXPIRED;
		}
		if (outcome instanceof PublisherOutcome.Unreachable) {
			return UNREACHABLE;
		}
		if (outcome instanceof PublisherOutcome.RateLimited) {
			return RATE_LIMITED;
		}
		if (outcome instanceof PublisherOutcome.FundingSourceInvalid) {
			return FUNDING_SOURCE_INVALID;
		}
		if (outcome instanceof PublisherOutcome.PermissionMissing) {
			return PERMISSION_MISSING;
		}
		if (outcome instanceof PublisherOutcome.Unrecognised) {
			return UNRECOGNISED;
		}
		return outcome instanceof PublisherOutcome.Misconfigured ? MISCONFIGURED : REFUSED;
	}

}
