package io.tokenwarden.sync;

import io.tokenwarden.publishers.CampaignStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * A campaign as Token Warden last imported it (or changed it since through its publisher), with its ad
 * sets or line items, which hold the bids.
 */
record CampaignRow(long accountId, String campaignId, String adAccountId, String name, CampaignStatus status,
		BigDecimal dailyBudget, BigDecimal spendToday, List<AdGroupRow> adGroups, Instant syncedAt) {

	CampaignRow {
		adGroups = adGroups == null ? List.of() : List.copyOf(adGroups);
	}

	/** Today's spend as a percentage of the daily budget; null without both. */
	public BigDecimal budgetUsed() {
		if (this.spendToday == null || this.dailyBudget == null || this.dailyBudget.signum() <= 0) {
			return null;
		}
		return this.spendToday.multiply(BigDecimal.valueOf(100)).divide(this.dailyBudget, 1, RoundingMode.HALF_UP);
	}

	CampaignRow withStatus(CampaignStatus newStatus) {
		return new CampaignRow(this.accountId, this.campaignId, this.adAccountId, this.name, newStatus, this.dailyBudget,
				this.spendToday, this.adGroups, this.syncedAt);
	}

	CampaignRow withAdGroups(List<AdGroupRow> newAdGroups) {
		return new CampaignRow(this.accountId, this.campaignId, this.adAccountId, this.name, this.status, this.dailyBudget,
				this.spendToday, newAdGroups, this.syncedAt);
	}

	/** The same campaign with one ad group's bid changed. */
	CampaignRow withBid(String adGroupId, BigDecimal newBid) {
		return withAdGroups(this.adGroups.stream()
			.map(group -> group.adGroupId().equals(adGroupId) ? group.withBid(newBid) : group)
			.toList());
	}

}
