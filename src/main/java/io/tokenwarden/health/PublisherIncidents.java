package io.tokenwarden.health;

import io.tokenwarden.publishers.Publisher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.tokenwarden.health.HealthStore.at;
import static io.tokenwarden.health.HealthStore.instant;

/** Open and closed publisher-wide incidents; at most one open per publisher (a unique index says so). */
@Component
class PublisherIncidents {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PublisherIncidents(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Opens the publisher's incident unless one is open; true when this call opened it. Only the opening
	 * write publishes {@link PublisherOutageChanged}, in its transaction.
	 */
	@Transactional
	boolean open(Publisher publisher, Instant now, String detail) {
		String shortDetail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
		boolean opened = this.jdbc.sql("""
				insert into publisher_incident (publisher, opened_at, last_probe_at, detail) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(publisher.name(), at(now), at(now), shortDetail)
			.update() == 1;
		if (opened) {
			this.events.publishEvent(new PublisherOutageChanged(publisher, now, null, shortDetail));
		}
		return opened;
	}

	/** Closes the publisher's open incident; true when there was one (and then this call publishes the change). */
	@Transactional
	boolean close(Publisher publisher, Instant now) {
		Optional<Instant> openedAt = this.jdbc
			.sql("update publisher_incident set closed_at = ? where publisher = ? and closed_at is null returning opened_at")
			.params(at(now), publisher.name())
			.query((rs, n) -> instant(rs, "opened_at"))
			.optional();
		openedAt.ifPresent(opened -> this.events.publishEvent(new PublisherOutageChanged(publisher, opened, now, null)));
		return openedAt.isPresent();
	}

	Optional<PublisherIncident> current(Publisher publisher) {
		return open().stream().filter(i -> i.publisher() == publisher).findFirst();
	}

	List<PublisherIncident> open() {
		return this.jdbc.sql("select publisher, opened_at from publisher_incident where closed_at is null order by opened_at")
			.query((rs, n) -> new PublisherIncident(Publisher.valueOf(rs.getString("publisher")), instant(rs, "opened_at")))
			.list();
	}

	/** During an incident, one probe per interval: true when this instance may send it now. */
	boolean takeProbe(Publisher publisher, Instant now, Duration probeInterval) {
		return this.jdbc.sql("""
				update publisher_incident set last_probe_at = ?
				where publisher = ? and closed_at is null and last_probe_at <= ?""")
			.params(at(now), publisher.name(), at(now.minus(probeInterval)))
			.update() == 1;
	}

}
