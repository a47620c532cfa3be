package io.tokenwarden.publishers;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A campaign's ad set (Facebook) or line item (X), where the publisher keeps the bid; bid in currency
 * units, null when the publisher bids automatically.
 */
public record AdGroup(String id, String campaignId, String name, CampaignStatus status, BigDecimal bid) {

	public AdGroup {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(campaignId, "campaignId");
		Objects.requireNonNull(status, "status");
		name = name == null ? id : name;
	}

	/** The publisher sets the bid itself (Meta {@code LOWEST_COST_WITHOUT_CAP}, X {@code AUTO}): nothing to move. */
	public boolean automaticBid() {
		return this.bid == null;
	}

}
