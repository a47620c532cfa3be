package io.tokenwarden.sandbox;

/**
 * An ad set (Facebook) or line item (X) of a sandbox campaign, where the imitation publisher keeps the
 * bid; {@code bidCents} is null when it bids automatically.
 */
record SandboxAdGroup(String campaignId, String adGroupId, String name, String status, Long bidCents) {

	boolean automaticBid() {
		return this.bidCents == null;
	}

}
