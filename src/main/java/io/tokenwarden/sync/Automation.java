package io.tokenwarden.sync;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One automation of an account, on one campaign or (campaign id null) on all of them. {@code threshold}
 * is Autopause's spend cap, a Rule's threshold, or Auto-bid's target for today's spend.
 */
record Automation(long id, long accountId, AutomationKind kind, String campaignId, BigDecimal threshold, Metric metric,
		Operator operator, Action action, BigDecimal minBid, BigDecimal maxBid, BigDecimal step, String createdBy,
		Instant createdAt) {

	/** The three automations the support article names. */
	enum AutomationKind {

		AUTOPAUSE, RULE, AUTO_BID

	}

	/** What a Rule looks at: today's spend, or today's spend as a percentage of the daily budget. */
	enum Metric {

		SPEND_TODAY, BUDGET_USED

	}

	enum Operator {

		ABOVE, BELOW

	}

	/** What is done to a campaign: by a Rule (PAUSE, RESUME), Autopause (PAUSE), Auto-bid (BID) or an admin. */
	enum Action {

		PAUSE, RESUME, BID

	}

	boolean appliesTo(CampaignRow campaign) {
		return this.campaignId == null || this.campaignId.equals(campaign.campaignId());
	}

}
