package io.tokenwarden.sync;

/** Sync was asked to use a token that is not valid: nothing was sent and nothing changed. */
class SyncPausedException extends RuntimeException {

	private final transient Gate gate;

	SyncPausedException(Gate gate) {
		super("sync paused: token " + (gate.status() == null ? "missing" : gate.status().name()));
		this.gate = gate;
	}

	Gate gate() {
		return this.gate;
	}

}
