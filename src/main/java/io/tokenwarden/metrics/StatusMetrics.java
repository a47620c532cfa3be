package io.tokenwarden.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The gauges of {@code /actuator/prometheus}. Each series reads the same {@link StatusSnapshot}, which
 * one statement refreshes at most every few seconds, so a scrape costs one query however many series
 * there are:
 * <ul>
 * <li>{@code tokenwarden_accounts{publisher,status}}: accounts not archived, by token status ({@code NONE}: no token yet);</li>
 * <li>{@code tokenwarden_accounts_expiring{within="1d|7d|30d"}}: valid tokens whose known expiry is that close;</li>
 * <li>{@code tokenwarden_outbox_depth{outbox="notices|revocations|link_emails"}}: rows still to deliver;</li>
 * <li>{@code tokenwarden_incidents_open{publisher}}: open publisher-wide outage incidents (0 or 1).</li>
 * </ul>
 */
@Component
class StatusMetrics implements MeterBinder {

	static final List<String> OUTBOXES = List.of("notices", "revocations", "link_emails");

	static final List<String> WITHIN = List.of("1d", "7d", "30d");

	private final StatusSnapshot snapshot;

	StatusMetrics(StatusSnapshot snapshot) {
		this.snapshot = snapshot;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Publisher publisher : Publisher.values()) {
			List<String> statuses = new ArrayList<>();
			for (TokenStatus status : TokenStatus.values()) {
				statuses.add(status.name());
			}
			statuses.add(StatusSnapshot.NO_TOKEN);
			for (String status : statuses) {
				Gauge.builder("tokenwarden.accounts", this.snapshot,
						s -> s.current().accounts(publisher.name(), status))
					.description("Publisher accounts (not archived) by publisher and token status")
					.tag("publisher", publisher.name())
					.tag("status", status)
					.strongReference(true)
					.register(registry);
			}
			Gauge.builder("tokenwarden.incidents.open", this.snapshot, s -> s.current().openIncidents(publisher.name()))
				.description("Open publisher-wide outage incidents")
				.tag("publisher", publisher.name())
				.strongReference(true)
				.register(registry);
		}
		for (String within : WITHIN) {
			Gauge.builder("tokenwarden.accounts.expiring", this.snapshot, s -> s.current().expiring(within))
				.description("Valid tokens whose known expiry is within this many days")
				.tag("within", within)
				.strongReference(true)
				.register(registry);
		}
		for (String outbox : OUTBOXES) {
			Gauge.builder("tokenwarden.outbox.depth", this.snapshot, s -> s.current().outbox(outbox))
				.description("Outbox rows still to deliver (pending or to be retried)")
				.tag("outbox", outbox)
				.strongReference(true)
				.register(registry);
		}
	}

}
