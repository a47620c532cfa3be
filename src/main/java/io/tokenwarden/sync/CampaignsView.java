package io.tokenwarden.sync;

import io.tokenwarden.publishers.Publisher;

import java.util.List;

/**
 * The Campaigns page of one account: its sync state and gate, campaigns with their ad sets (Facebook) or
 * line items (X), automations and the action log.
 */
record CampaignsView(long accountId, String accountName, Publisher publisher, Gate gate, SyncState state,
		List<CampaignRow> campaigns, List<Automation> automations, List<ActionLog.Entry> actions, boolean canAct) {

	public boolean paused() {
		return !this.gate.open();
	}

	public boolean stale() {
		return this.state.staleWith(this.gate);
	}

}
