package io.tokenwarden.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Syncs accounts: imports their campaigns, then runs their automations on the fresh figures. A round
 * takes every due account with a valid token, a batch of claims at a time; a catch-up takes one account
 * right away (after a refresh, or "Sync now").
 */
@Component
class SyncRound {

	private static final Logger log = LoggerFactory.getLogger(SyncRound.class);

	private final SyncStore store;

	private final CampaignImport importer;

	private final Automations automations;

	private final SyncSettings settings;

	private final Clock clock;

	SyncRound(SyncStore store, CampaignImport importer, Automations automations, SyncSettings settings, Clock clock) {
		this.store = store;
		this.importer = importer;
		this.automations = automations;
		this.settings = settings;
		this.clock = clock;
	}

	/** Syncs every due account; returns how many were claimed. */
	int run() {
		this.store.scheduleNewAccounts(this.clock.instant());
		int claimedInRound = 0;
		List<Long> claimed;
		do {
			claimed = this.store.claimDue(this.clock.instant(), this.settings.batchSize(), this.settings.claimTimeout());
			claimed.forEach(this::syncClaimed);
			claimedInRound += claimed.size();
		}
		while (claimed.size() == this.settings.batchSize());
		return claimedInRound;
	}

	/** Syncs one account now, unless another instance is syncing it (then it is left due for the next round). */
	ImportResult syncNow(long accountId) {
		Instant now = this.clock.instant();
		if (!this.store.claim(accountId, now, this.settings.claimTimeout())) {
			this.store.dueNow(accountId, now);
			return ImportResult.busy();
		}
		return syncClaimed(accountId);
	}

	private ImportResult syncClaimed(long accountId) {
		try {
			ImportResult result = this.importer.run(accountId);
			if (result.kind() == ImportResult.ImportKind.IMPORTED) {
				this.automations.run(accountId);
			}
			return result;
		}
		catch (RuntimeException ex) {
			// one account's surprise must not stop the round, nor leave it claimed and due in a loop
			log.warn("Sync of account {} failed unexpectedly", accountId, ex);
			Instant now = this.clock.instant();
			this.store.failed(accountId, now, "unexpected error", now.plus(this.settings.interval()), true);
			return ImportResult.failed(null);
		}
	}

}
