package io.tokenwarden.sync;

import java.time.Instant;

/** An account's import record: when it was last tried, last succeeded, why it last failed, when it is next due. */
record SyncState(long accountId, Instant nextSyncAt, Instant lastAttemptAt, Instant lastSuccessAt, String lastError,
		int failures) {

	static SyncState never(long accountId) {
		return new SyncState(accountId, null, null, null, null, 0);
	}

	/** The data shown is older than it should be: the gate is closed, or the last import failed. */
	boolean staleWith(Gate gate) {
		return this.lastSuccessAt != null && (!gate.open() || this.lastError != null);
	}

}
