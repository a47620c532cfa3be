package io.tokenwarden.publishers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A campaign as its publisher reports it. Amounts are in the ad account's currency units (12.50, not
 * cents or micros); null when the publisher does not report one (a campaign without a daily budget).
 * Bids are not the campaign's: they live on its {@link AdGroup}s (Facebook ad sets, X line items).
 */
public record Campaign(String id, String adAccountId, String name, CampaignStatus status, BigDecimal dailyBudget,
		BigDecimal spendToday, List<AdGroup> adGroups) {

	public Campaign {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(adAccountId, "adAccountId");
		Objects.requireNonNull(status, "status");
		name = name == null ? id : name;
		adGroups = adGroups == null ? List.of() : List.copyOf(adGroups);
	}

}
