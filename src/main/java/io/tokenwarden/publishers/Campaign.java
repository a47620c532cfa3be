package io.tokenwarden.publishers;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A campaign as its publisher reports it. Amounts are in the ad account's currency units (12.50, not
 * cents or micros); null when the publisher does not report one (a campaign without a daily budget).
 * The bid is kept per campaign: see {@link PublisherClient#setBid}.
 */
public record Campaign(String id, String adAccountId, String name, CampaignStatus status, BigDecimal dailyBudget,
		BigDecimal spendToday, BigDecimal bid) {

	public Campaign {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(adAccountId, "adAccountId");
		Objects.requireNonNull(status, "status");
		name = name == null ? id : name;
	}

}
