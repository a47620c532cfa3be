package io.tokenwarden.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The figures behind the gauges, read by one statement and kept for {@link #MAX_AGE}: a scrape reads
 * every series within that time, so it costs one query. While the database cannot be reached the
 * gauges answer NaN rather than stale figures.
 */
@Component
class StatusSnapshot {

	static final String NO_TOKEN = "NONE";

	static final Duration MAX_AGE = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(StatusSnapshot.class);

	private static final String STATEMENT = """
			select 'accounts' as kind, a.publisher as k1, coalesce(t.status, 'NONE') as k2, count(*) as n
			from publisher_account a left join account_token t on t.account_id = a.id
			where a.archived_at is null group by a.publisher, t.status
			union all
			select 'expiring', w.within, null, w.n
			from (select count(*) filter (where t.expires_at <= :d1) as d1, count(*) filter (where t.expires_at <= :d7) as d7,
			             count(*) as d30
			      from account_token t where t.status = 'VALID' and t.expires_at > :now and t.expires_at <= :d30) c
			cross join lateral (values ('1d', c.d1), ('7d', c.d7), ('30d', c.d30)) w (within, n)
			union all
			select 'outbox', 'notices', null, count(*) from notice where status in ('PENDING', 'FAILED')
			union all
			select 'outbox', 'revocations', null, count(*) from revocation_request where status = 'PENDING'
			union all
			select 'outbox', 'link_emails', null, count(*) from link_notice where status in ('PENDING', 'FAILED')
			union all
			select 'incidents', publisher, null, count(*) from publisher_incident where closed_at is null group by publisher""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Figures figures;

	private volatile long readAt;

	StatusSnapshot(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The figures, read again when older than {@link #MAX_AGE}. */
	Figures current() {
		long now = System.nanoTime();
		Figures known = this.figures;
		if (known != null && now - this.readAt < MAX_AGE.toNanos()) {
			return known;
		}
		synchronized (this) {
			if (this.figures != null && System.nanoTime() - this.readAt < MAX_AGE.toNanos()) {
				return this.figures;
			}
			Figures read;
			try {
				read = read();
			}
			catch (DataAccessException ex) {
				log.debug("metrics: the database cannot be read", ex);
				read = Figures.UNKNOWN;
			}
			this.figures = read;
			this.readAt = System.nanoTime();
			return read;
		}
	}

	private Figures read() {
		Instant now = this.clock.instant();
		Map<String, Double> values = new HashMap<>();
		this.jdbc.sql(STATEMENT)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("d1", now.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
			.param("d7", now.plus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC))
			.param("d30", now.plus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC))
			.query(rs -> {
				values.put(key(rs.getString("kind"), rs.getString("k1"), rs.getString("k2")), rs.getDouble("n"));
			});
		return new Figures(values, false);
	}

	private static String key(String kind, String first, String second) {
		return kind + "/" + first + (second == null ? "" : "/" + second);
	}

	/** One reading: every figure, 0 where the statement found none; NaN when nothing could be read. */
	record Figures(Map<String, Double> values, boolean unknown) {

		static final Figures UNKNOWN = new Figures(Map.of(), true);

		double accounts(String publisher, String status) {
			return get(key("accounts", publisher, status));
		}

		double expiring(String within) {
			return get(key("expiring", within, null));
		}

		double outbox(String outbox) {
			return get(key("outbox", outbox, null));
		}

		double openIncidents(String publisher) {
			return get(key("incidents", publisher, null));
		}

		private double get(String key) {
			return this.unknown ? Double.NaN : this.values.getOrDefault(key, 0.0);
		}

	}

}
