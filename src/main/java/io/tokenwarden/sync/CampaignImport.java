package io.tokenwarden.sync;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.health.HealthChecks;
import io.tokenwarden.publishers.Campaign;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.PublisherClient;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.Publishers;
import io.tokenwarden.tokens.TokenDecryptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports one claimed account: every campaign of every ad account its token can read. The gate comes
 * first (a closed one means no call at all); during a publisher incident the import waits and is retried
 * soon; a publisher's refusal is recorded and retried with backoff. Nothing here changes a token's status:
 * that is the health checks' call.
 */
@Component
class CampaignImport {

	private static final Logger log = LoggerFactory.getLogger(CampaignImport.class);

	private final SyncGate gate;

	private final SyncStore store;

	private final AccountDirectory accounts;

	private final Publishers publishers;

	private final HealthChecks health;

	private final SyncSettings settings;

	private final Clock clock;

	CampaignImport(SyncGate gate, SyncStore store, AccountDirectory accounts, Publishers publishers, HealthChecks health,
			SyncSettings settings, Clock clock) {
		this.gate = gate;
		this.store = store;
		this.accounts = accounts;
		this.publishers = publishers;
		this.health = health;
		this.settings = settings;
		this.clock = clock;
	}

	/** Imports the account, which the caller has claimed; the claim ends here whatever happens. */
	ImportResult run(long accountId) {
		Instant now = this.clock.instant();
		Gate current = this.gate.of(accountId);
		PublisherAccount account = this.accounts.find(accountId).orElse(null);
		if (!current.open() || account == null) {
			this.store.release(accountId);
			return ImportResult.paused(current);
		}
		boolean incident = this.health.openIncidents().stream().anyMatch(i -> i.publisher() == account.publisher());
		if (incident) {
			this.store.failed(accountId, now, "Waiting: " + account.publisher().displayName() + " can't be reached",
					now.plus(this.settings.firstRetry()), false);
			return ImportResult.waiting();
		}
		try {
			List<Campaign> campaigns = fetch(accountId, this.publishers.client(account.publisher()));
			this.store.succeeded(accountId, campaigns, now, now.plus(this.settings.interval()));
			return ImportResult.imported(campaigns.size());
		}
		catch (SyncPausedException ex) {
			this.store.release(accountId);
			return ImportResult.paused(ex.gate());
		}
		catch (PublisherException ex) {
			fail(accountId, now, ex.getMessage(), ex.outcome());
			return ImportResult.failed(ex.outcome());
		}
		catch (TokenDecryptionException ex) {
			fail(accountId, now, "the stored token cannot be decrypted", null);
			return ImportResult.failed(null);
		}
	}

	private List<Campaign> fetch(long accountId, PublisherClient client) {
		HeldToken token = this.gate.token(accountId);
		List<Campaign> campaigns = new ArrayList<>();
		for (String adAccount : client.adAccounts(token)) {
			campaigns.addAll(client.campaigns(this.gate.token(accountId), adAccount));
		}
		return campaigns;
	}

	private void fail(long accountId, Instant now, String error, PublisherOutcome outcome) {
		int failures = this.store.state(accountId).failures() + 1;
		Instant next = now.plus(this.settings.retryAfter(failures));
		if (outcome instanceof PublisherOutcome.RateLimited limited && limited.retryAt().isAfter(next)) {
			next = limited.retryAt();
		}
		log.info("Campaign import for account {} failed ({} in a row), next at {}: {}", accountId, failures, next, error);
		this.store.failed(accountId, now, error, next, true);
	}

}
