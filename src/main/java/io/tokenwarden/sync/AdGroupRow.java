package io.tokenwarden.sync;

import io.tokenwarden.publishers.CampaignStatus;

import java.math.BigDecimal;

/**
 * An ad set (Facebook) or line item (X) of an imported campaign, with the bid its publisher keeps on it;
 * {@code bid} is null when the publisher bids automatically.
 */
record AdGroupRow(String adGroupId, String campaignId, String name, CampaignStatus status, BigDecimal bid) {

	public boolean automaticBid() {
		return this.bid == null;
	}

	AdGroupRow withBid(BigDecimal newBid) {
		return new AdGroupRow(this.adGroupId, this.campaignId, this.name, this.status, newBid);
	}

}
