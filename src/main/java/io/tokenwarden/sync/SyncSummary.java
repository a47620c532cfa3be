package io.tokenwarden.sync;

/** The account page's part about sync: whether it is paused, when it last worked, how many campaigns. */
record SyncSummary(long accountId, Gate gate, SyncState state, int campaigns, int automations) {

	public boolean paused() {
		return !this.gate.open();
	}

	public boolean stale() {
		return this.state.staleWith(this.gate);
	}

}
