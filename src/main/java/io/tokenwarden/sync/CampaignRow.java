package io.tokenwarden.sync;

import io.tokenwarden.publishers.CampaignStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** A campaign as Token Warden last imported it (or changed it since through its publisher). */
record CampaignRow(long accountId, String campaignId, String adAccountId, String name, CampaignStatus status,
		BigDecimal dailyBudget, BigDecimal spendToday, BigDecimal bid, Instant syncedAt) {

	/** Today's spend as a percentage of the daily budget; null without both. */
	public BigDecimal budgetUsed() {
		if (this.spendToday == null || this.dailyBudget == null || this.dailyBudget.signum() <= 0) {
			return null;
		}
		return this.spendToday.multiply(BigDecimal.valueOf(100)).divide(this.dailyBudget, 1, RoundingMode.HALF_UP);
	}

	CampaignRow withStatus(CampaignStatus newStatus) {
		return new CampaignRow(this.accountId, this.campaignId, this.adAccountId, this.name, newStatus, this.dailyBudget,
				this.spendToday, this.bid, this.syncedAt);
	}

	CampaignRow withBid(BigDecimal newBid) {
		return new CampaignRow(this.accountId, this.campaignId, this.adAccountId, this.name, this.status, this.dailyBudget,
				this.spendToday, newBid, this.syncedAt);
	}

}
