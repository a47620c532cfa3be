package io.tokenwarden.sync;

import io.tokenwarden.accounts.AccountAccess;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.agencies.CurrentAgency;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.publishers.CampaignStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.util.List;

/**
 * The sync module's API: the scheduled round, the catch-up of one account, and (for its own pages) the
 * Campaigns page, "Sync now", pause and resume, and adding or removing automations. Reading needs the
 * account to be visible (else 404); every change needs an ADMIN (else 403) and an open gate.
 */
@Service
public class CampaignSync {

	static final int ACTIONS_SHOWN = 50;

	private final AccountAccess access;

	private final AccountDirectory accounts;

	private final CurrentAgency currentAgency;

	private final SyncGate gate;

	private final SyncStore store;

	private final SyncRound round;

	private final AutomationStore automations;

	private final ActionLog actions;

	private final CampaignWriter writer;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CampaignSync(AccountAccess access, AccountDirectory accounts, CurrentAgency currentAgency, SyncGate gate,
			SyncStore store, SyncRound round, AutomationStore automations, ActionLog actions, CampaignWriter writer,
			AuditLog auditLog, TransactionTemplate transactions, Clock clock) {
		this.access = access;
		this.accounts = accounts;
		this.currentAgency = currentAgency;
		this.gate = gate;
		this.store = store;
		this.round = round;
		this.automations = automations;
		this.actions = actions;
		this.writer = writer;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Syncs every due account whose token is valid; returns how many it took. */
	public int runRound() {
		return this.round.run();
	}

	/** Syncs one account now (import, then automations), as after a refresh; nothing while its gate is closed. */
	public void catchUp(long accountId) {
		this.round.syncNow(accountId);
	}

	/**
	 * Gives the accounts the sample automations, one each in turn, while samples last (the demo's seed:
	 * it runs in the seeding transaction, before anyone signs in, so it asks for no role).
	 */
	public void addSampleAutomations(List<Long> accountIds, String actor) {
		for (int i = 0; i < accountIds.size() && i < AutomationSamples.ALL.size(); i++) {
			this.automations.add(accountIds.get(i), null, AutomationSamples.ALL.get(i), actor, this.clock.instant());
		}
	}

	CampaignsView view(long accountId) {
		this.access.requireVisible(accountId);
		PublisherAccount account = this.accounts.find(accountId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return new CampaignsView(accountId, account.name(), account.publisher(), this.gate.of(accountId),
				this.store.state(accountId),
				this.store.campaigns(accountId), this.automations.forAccount(accountId),
				this.actions.recent(accountId, ACTIONS_SHOWN), this.currentAgency.get().isAdmin());
	}

	/** "Sync now": refused with {@link SyncPausedException} while the gate is closed, before any call. */
	ImportResult syncNow(long accountId) {
		this.access.requireAdmin(accountId);
		requireOpen(accountId);
		return this.round.syncNow(accountId);
	}

	/** Pauses or resumes a campaign at its publisher, then here; refused, changing nothing, while the gate is closed. */
	CampaignRow changeStatus(long accountId, String campaignId, CampaignStatus status) {
		AccountAccess.Grant grant = this.access.requireAdmin(accountId);
		if (!status.settable()) {
			throw new IllegalArgumentException("only ACTIVE or PAUSED can be set");
		}
		CampaignRow campaign = this.store.campaign(accountId, campaignId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such campaign"));
		requireOpen(accountId);
		if (campaign.status() == status) {
			return campaign;
		}
		boolean resume = status == CampaignStatus.ACTIVE;
		String reason = (resume ? "resumed" : "paused") + " by " + grant.actor();
		CampaignRow changed = this.writer.apply(campaign, resume ? CampaignChange.resume(reason) : CampaignChange.pause(reason),
				CampaignWriter.Actor.admin(grant.actor()));
		this.transactions.executeWithoutResult(tx -> this.auditLog.record(resume ? "campaign_resumed" : "campaign_paused",
				grant.actor(), grant.agencyId(), accountId, campaign.name() + " (" + campaign.campaignId() + ")", null));
		return changed;
	}

	long addAutomation(long accountId, NewAutomation automation) {
		AccountAccess.Grant grant = this.access.requireAdmin(accountId);
		automation.problem().ifPresent(problem -> {
			throw new IllegalArgumentException(problem);
		});
		if (automation.campaignId() != null && this.store.campaign(accountId, automation.campaignId()).isEmpty()) {
			throw new IllegalArgumentException("automations.invalid.campaign");
		}
		return this.transactions.execute(tx -> {
			long id = this.automations.add(accountId, grant.agencyId(), automation, grant.actor(), this.clock.instant());
			this.auditLog.record("automation_added", grant.actor(), grant.agencyId(), accountId,
					automation.kind().name() + " #" + id, null);
			return id;
		});
	}

	void removeAutomation(long accountId, long automationId) {
		AccountAccess.Grant grant = this.access.requireAdmin(accountId);
		this.transactions.executeWithoutResult(tx -> {
			if (!this.automations.remove(accountId, automationId)) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such automation");
			}
			this.auditLog.record("automation_removed", grant.actor(), grant.agencyId(), accountId, "#" + automationId, null);
		});
	}

	SyncSummary summary(long accountId) {
		return new SyncSummary(accountId, this.gate.of(accountId), this.store.state(accountId),
				this.store.campaigns(accountId).size(), this.automations.forAccount(accountId).size());
	}

	private void requireOpen(long accountId) {
		Gate current = this.gate.of(accountId);
		if (!current.open()) {
			throw new SyncPausedException(current);
		}
	}

}
