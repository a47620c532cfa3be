package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;

/** A campaign at an imitation publisher; money in cents, as Facebook writes budgets. Its bids are on its ad groups. */
record SandboxCampaign(long userId, Publisher publisher, String adAccountId, String campaignId, String name,
		String status, long dailyBudgetCents, long spendCents) {
}
