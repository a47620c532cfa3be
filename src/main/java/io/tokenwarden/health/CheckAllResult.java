package io.tokenwarden.health;

import java.time.Instant;

/** What "Check all now" did: started a check of {@code total} accounts, or found one already running. */
public record CheckAllResult(boolean started, String startedBy, Instant startedAt, int checked, int total) {

	static CheckAllResult started(int total) {
		return new CheckAllResult(true, null, null, 0, total);
	}

	static CheckAllResult alreadyRunning(String startedBy, Instant startedAt, int checked, int total) {
		return new CheckAllResult(false, startedBy, startedAt, checked, total);
	}

}
