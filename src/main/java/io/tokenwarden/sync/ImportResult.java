package io.tokenwarden.sync;

import io.tokenwarden.publishers.PublisherOutcome;

/**
 * How one import went: campaigns imported; paused by the gate (no call made); waiting for a publisher in
 * an incident (no call made); failed with the publisher's classified answer; or busy in another import.
 */
record ImportResult(ImportKind kind, int campaigns, Gate gate, PublisherOutcome outcome) {

	enum ImportKind {

		IMPORTED, PAUSED, WAITING, FAILED, BUSY

	}

	static ImportResult imported(int campaigns) {
		return new ImportResult(ImportKind.IMPORTED, campaigns, null, null);
	}

	static ImportResult paused(Gate gate) {
		return new ImportResult(ImportKind.PAUSED, 0, gate, null);
	}

	static ImportResult waiting() {
		return new ImportResult(ImportKind.WAITING, 0, null, null);
	}

	static ImportResult failed(PublisherOutcome outcome) {
		return new ImportResult(ImportKind.FAILED, 0, null, outcome);
	}

	static ImportResult busy() {
		return new ImportResult(ImportKind.BUSY, 0, null, null);
	}

}
