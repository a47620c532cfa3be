package io.tokenwarden.health;

import io.tokenwarden.publishers.Publisher;

import java.time.Instant;
import java.util.List;

/**
 * What "Check all now" did: started a check of {@code total} accounts, or found one already running; and what
 * the publishers in an outage said when they were asked at once ({@code probes}).
 */
public record CheckAllResult(boolean started, String startedBy, Instant startedAt, int checked, int total,
		List<Probe> probes) {

	/** A publisher in an outage, asked at {@code at}: it {@code answered} (its outage is over), or not. */
	public record Probe(Publisher publisher, boolean answered, Instant at) {
	}

	public CheckAllResult {
		probes = List.copyOf(probes);
	}

	static CheckAllResult started(int total) {
		return new CheckAllResult(true, null, null, 0, total, List.of());
	}

	static CheckAllResult alreadyRunning(String startedBy, Instant startedAt, int checked, int total) {
		return new CheckAllResult(false, startedBy, startedAt, checked, total, List.of());
	}

	CheckAllResult withProbes(List<Probe> found) {
		return new CheckAllResult(this.started, this.startedBy, this.startedAt, this.checked, this.total, found);
	}

}
