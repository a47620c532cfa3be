package io.tokenwarden.health;

/** The outcome of one check as the history, the chart and the Valid column name it. */
public enum CheckOutcome {

	VALID, EXPIRED, UNREACHABLE, RATE_LIMITED, FUNDING_SOURCE_INVALID, PERMISSION_MISSING, MISCONFIGURED, REFUSED,

	/** The publisher answered, but not in a shape Token Warden can read: nothing changes, it is checked again next round. */
	UNRECOGNISED

}
