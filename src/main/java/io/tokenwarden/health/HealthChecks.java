package io.tokenwarden.health;

import io.tokenwarden.accounts.AccountAccess;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The health module's API: a scheduled round over every token, "Check now" on one account, "Check all
 * now" for an agency with its progress, open publisher incidents, and an account's check history.
 */
@Service
public class HealthChecks {

	private final HealthRound round;

	private final BatchCheck batchCheck;

	private final HealthStore store;

	private final PublisherIncidents incidents;

	private final AccountAccess access;

	private final AccountDirectory accounts;

	private final AccountTokens tokens;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final HealthSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	HealthChecks(HealthRound round, BatchCheck batchCheck, HealthStore store, PublisherIncidents incidents,
			AccountAccess access, AccountDirectory accounts, AccountTokens tokens, JdbcClient jdbc,
			ApplicationEventPublisher events, HealthSettings settings, TransactionTemplate transactions, Clock clock) {
		this.transactions = transactions;
		this.round = round;
		this.batchCheck = batchCheck;
		this.store = store;
		this.incidents = incidents;
		this.access = access;
		this.accounts = accounts;
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** Checks every due token now; returns how many were checked. */
	public int runRound() {
		return this.round.run();
	}

	/** "Check now" on one account, for an admin: the outcome, or why it was not checked. */
	public CheckNowResult checkNow(long accountId) {
		this.access.requireAdmin(accountId);
		var account = this.accounts.find(accountId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (this.tokens.find(accountId).filter(t -> t.status() != TokenStatus.INVALIDATED).isEmpty()) {
			return CheckNowResult.notChecked(CheckNowResult.NotChecked.INVALIDATED);
		}
		this.store.scheduleNewAccounts(this.clock.instant(), this.settings.interval());
		if (!this.store.claim(accountId, this.settings.claimTimeout())) {
			return CheckNowResult.notChecked(CheckNowResult.NotChecked.BUSY);
		}
		boolean incident = this.incidents.current(account.publisher()).isPresent();
		List<CheckResult> results = this.batchCheck.check(account.publisher(), List.of(accountId), incident,
				this.round.breaker(account.publisher()));
		// no result: the token was invalidated between the two reads above
		return results.stream().findFirst().map(r -> CheckNowResult.checked(CheckOutcome.of(r.outcome())))
			.orElseGet(() -> CheckNowResult.notChecked(CheckNowResult.NotChecked.INVALIDATED));
	}

	/**
	 * "Check all now": every account of the admin's current agency becomes due, and a round starts; unless
	 * a check of the agency is queued or running already (whoever asked, on whichever instance): then this
	 * one joins it, and the answer says who started it, when, and how far it has come. A publisher in an
	 * outage is asked at once, about one of the agency's accounts, whatever its probe interval: the answer
	 * says whether it answered (its outage is over, and the round checks its accounts) or not.
	 */
	public CheckAllResult checkAgencyNow() {
		AgencyContext context = this.access.requireAdminOfCurrentAgency();
		List<CheckAllResult.Probe> probes = probeOutages(context.agencyId());
		CheckAllResult result = this.transactions.execute(status -> start(context));
		return result.withProbes(probes);
	}

	private CheckAllResult start(AgencyContext context) {
		Instant now = this.clock.instant();
		this.store.lockAgencyChecks(context.agencyId());
		Optional<HealthStore.CheckRun> running = this.store.runningCheck(context.agencyId(), now);
		if (running.isPresent()) {
			HealthStore.CheckRun run = running.get();
			int checked = progress(context.agencyId()).map(CheckProgress::checked).orElse(run.total());
			return CheckAllResult.alreadyRunning(run.requestedBy(), run.startedAt(), checked, run.total());
		}
		this.store.scheduleNewAccounts(now, this.settings.interval());
		int total = this.store.makeAgencyDue(context.agencyId(), now);
		this.jdbc.sql("insert into check_run (agency_id, requested_by, started_at, total) values (?, ?, ?, ?)")
			.params(context.agencyId(), context.userEmail(), HealthStore.at(now), total)
			.update();
		this.events.publishEvent(new ChecksRequested(context.agencyId()));
		return CheckAllResult.started(total);
	}

	/**
	 * One probe per publisher in an open incident that the agency has accounts of, now: the probe's answer
	 * closes the incident (see {@link BatchCheck}) when the publisher is back. It counts as the incident's
	 * probe, so the scheduled one waits its interval again.
	 */
	private List<CheckAllResult.Probe> probeOutages(long agencyId) {
		List<CheckAllResult.Probe> probes = new ArrayList<>();
		List<PublisherIncident> open = this.incidents.open();
		if (!open.isEmpty()) {
			this.store.scheduleNewAccounts(this.clock.instant(), this.settings.interval());
		}
		for (PublisherIncident incident : open) {
			Publisher publisher = incident.publisher();
			Optional<Long> probed = this.store.claimOneOfAgency(agencyId, publisher, this.settings.claimTimeout());
			if (probed.isEmpty()) {
				continue;
			}
			this.incidents.takeProbe(publisher, this.clock.instant(), Duration.ZERO);
			this.batchCheck.check(publisher, List.of(probed.get()), true, this.round.breaker(publisher))
				.stream()
				.findFirst()
				.ifPresent(r -> probes.add(new CheckAllResult.Probe(publisher,
						!(r.outcome() instanceof PublisherOutcome.Unreachable), this.clock.instant())));
		}
		return probes;
	}

	/**
	 * The latest "Check all" of the agency while it is running (checked of total), else empty. Every
	 * outcome counts as checked, an unreachable publisher's too: its history has the check.
	 */
	@Transactional(readOnly = true)
	public Optional<CheckProgress> progress(long agencyId) {
		return this.jdbc.sql("""
				select r.total, r.started_at,
				  (select count(*) from agency_account_link l
				   where l.agency_id = r.agency_id and exists (select 1 from token_check c
				     where c.account_id = l.account_id and c.checked_at >= r.started_at)) as checked
				from check_run r where r.agency_id = ? and r.started_at > ? order by r.started_at desc limit 1""")
			.params(agencyId, HealthStore.at(this.clock.instant().minus(Duration.ofHours(1))))
			.query((rs, n) -> new CheckProgress(Math.min(rs.getInt("checked"), rs.getInt("total")), rs.getInt("total")))
			.optional()
			.filter(p -> p.checked() < p.total());
	}

	public List<PublisherIncident> openIncidents() {
		return this.incidents.open();
	}

	/** The account's checks of the last 30 days, newest first. */
	public List<CheckRecord> history(long accountId) {
		return this.store.history(accountId, this.clock.instant().minus(Duration.ofDays(30)));
	}

}
