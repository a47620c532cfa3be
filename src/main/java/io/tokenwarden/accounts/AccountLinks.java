package io.tokenwarden.accounts;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.AgencyRole;
import io.tokenwarden.agencies.CurrentAgency;
import io.tokenwarden.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Which agencies hold an account: "Link to agency…" adds one the admin also administers, "Unlink"
 * takes the current agency's link away. Both lock the account's row first, so concurrent links and
 * unlinks of one account take turns and the last link is always known for what it is. Unlinking the
 * last link archives the account; {@link AccountUnlinked} tells the modules that revoke its token and
 * drop the agency's automations, inside the same transaction.
 */
@Service
public class AccountLinks {

	private final AccountAccess access;

	private final PublisherAccountRepository accounts;

	private final CurrentAgency currentAgency;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountLinks(AccountAccess access, PublisherAccountRepository accounts, CurrentAgency currentAgency,
			AuditLog auditLog, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.access = access;
		this.accounts = accounts;
		this.currentAgency = currentAgency;
		this.auditLog = auditLog;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How a link or an unlink ended, for the flash message. */
	public record LinkOutcome(boolean changed, String accountName, String agencyName, boolean lastLink) {
	}

	/** What the unlink confirmation names: the account, this agency, and whether it is the last link. */
	public record UnlinkConfirmation(long accountId, String accountName, String publisher, String agencyName,
			boolean lastLink) {
	}

	/** The agencies the signed-in admin may link the account to: those they administer that lack it. */
	@Transactional(readOnly = true)
	public List<AgencyRole> linkableAgencies(long accountId) {
		AgencyContext context = this.currentAgency.get();
		List<Long> linked = linkedAgencyIds(accountId);
		return context.memberships()
			.stream()
			.filter(m -> m.role().canChangeTokens() && !linked.contains(m.agencyId()))
			.toList();
	}

	/**
	 * Links the account to {@code agencyId}: the current agency must hold it and the person must be an
	 * ADMIN of both; an agency they do not administer answers 404. Linking twice changes nothing.
	 */
	@Transactional
	public LinkOutcome link(long accountId, long agencyId, String clientIp) {
		AccountAccess.Grant grant = this.access.requireAdminHere(accountId);
		AgencyContext context = this.currentAgency.get();
		AgencyRole target = context.membership(agencyId)
			.filter(m -> m.role().canChangeTokens())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such agency"));
		PublisherAccount account = lock(accountId);
		int added = this.jdbc.sql("insert into agency_account_link (agency_id, account_id) values (?, ?) on conflict do nothing")
			.params(agencyId, accountId)
			.update();
		if (added == 0) {
			return new LinkOutcome(false, account.name(), target.agencyName(), false);
		}
		this.auditLog.record("account_linked", grant.actor(), grant.agencyId(), accountId,
				"linked to " + target.agencyName(), clientIp);
		this.auditLog.record("account_linked", grant.actor(), agencyId, accountId,
				"linked from " + context.agencyName(), clientIp);
		return new LinkOutcome(true, account.name(), target.agencyName(), false);
	}

	/** The confirmation page's facts; 404 unless the current agency holds the account, 403 below ADMIN. */
	@Transactional(readOnly = true)
	public UnlinkConfirmation unlinkConfirmation(long accountId) {
		AccountAccess.Grant grant = this.access.requireAdminHere(accountId);
		PublisherAccount account = this.accounts.findById(accountId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return new UnlinkConfirmation(accountId, account.name(), account.publisher().displayName(),
				this.currentAgency.get().agencyName(), linkedAgencyIds(grant.accountId()).size() == 1);
	}

	/**
	 * Unlinks the account from the current agency. An account this agency unlinked before answers "not
	 * linked" (a double click, a second tab) instead of 404; one it never held stays a 404.
	 */
	@Transactional
	public LinkOutcome unlink(long accountId, String clientIp) {
		AgencyContext context = this.currentAgency.get();
		if (!linkedAgencyIds(accountId).contains(context.agencyId()) && unlinkedBefore(accountId, context.agencyId())) {
			PublisherAccount account = this.accounts.findById(accountId).orElseThrow();
			return new LinkOutcome(false, account.name(), context.agencyName(), false);
		}
		AccountAccess.Grant grant = this.access.requireAdminHere(accountId);
		PublisherAccount account = lock(accountId);
		int removed = this.jdbc.sql("delete from agency_account_link where agency_id = ? and account_id = ?")
			.params(grant.agencyId(), accountId)
			.update();
		if (removed == 0) { // a concurrent unlink won the row lock first
			return new LinkOutcome(false, account.name(), context.agencyName(), false);
		}
		boolean last = linkedAgencyIds(accountId).isEmpty();
		Instant now = this.clock.instant();
		if (last) {
			account.archive(now);
		}
		this.auditLog.record("account_unlinked", grant.actor(), grant.agencyId(), accountId,
				"unlinked from " + context.agencyName() + (last ? "; it was the last agency: token revoked, account archived" : ""),
				clientIp);
		this.events.publishEvent(new AccountUnlinked(accountId, grant.agencyId(), last, grant.actor(), now));
		return new LinkOutcome(true, account.name(), context.agencyName(), last);
	}

	private PublisherAccount lock(long accountId) {
		this.jdbc.sql("select id from publisher_account where id = ? for update").param(accountId).query(Long.class).optional()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return this.accounts.findById(accountId).orElseThrow();
	}

	private List<Long> linkedAgencyIds(long accountId) {
		return this.jdbc.sql("select agency_id from agency_account_link where account_id = ?")
			.param(accountId)
			.query(Long.class)
			.list();
	}

	private boolean unlinkedBefore(long accountId, long agencyId) {
		return this.auditLog.happened("account_unlinked", agencyId, accountId);
	}

}
