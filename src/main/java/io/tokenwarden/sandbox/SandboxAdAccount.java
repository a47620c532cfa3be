package io.tokenwarden.sandbox;

/**
 * A Facebook ad account and its billing state. {@code accountStatus} uses Meta's codes (1 ACTIVE,
 * 3 UNSETTLED); with an invalid funding source the account has no payment method to report.
 */
record SandboxAdAccount(long userId, String accountId, String name, String currency, AccessLevel minLevel,
		int accountStatus, int disableReason, String fundingSourceId, String fundingDisplay, int fundingType,
		boolean fundingValid) {
}
