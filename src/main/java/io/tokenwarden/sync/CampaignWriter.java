package io.tokenwarden.sync;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.PublisherClient;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.Publishers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Makes one change to a campaign (its status) or to one of its ad groups (a bid): at the publisher first,
 * through the gate; then, only if the publisher accepted it, in the local row. Every attempt that reached
 * the publisher is logged, done or failed, with the ad set or line item a bid was for.
 */
@Component
class CampaignWriter {

	private final SyncGate gate;

	private final SyncStore store;

	private final ActionLog actions;

	private final AccountDirectory accounts;

	private final Publishers publishers;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CampaignWriter(SyncGate gate, SyncStore store, ActionLog actions, AccountDirectory accounts, Publishers publishers,
			TransactionTemplate transactions, Clock clock) {
		this.transactions = transactions;
		this.gate = gate;
		this.store = store;
		this.actions = actions;
		this.accounts = accounts;
		this.publishers = publishers;
		this.clock = clock;
	}

	/** Who asks: an automation (its id and kind) or an admin (no id, source ADMIN). */
	record Actor(Long automationId, String source, String name) {

		static Actor admin(String email) {
			return new Actor(null, "ADMIN", email);
		}

		static Actor of(Automation automation) {
			return new Actor(automation.id(), automation.kind().name(), "automation #" + automation.id());
		}

	}

	/**
	 * The campaign as it is after the change. {@link SyncPausedException} when the gate is closed (nothing
	 * sent, nothing logged); {@link PublisherException} when the publisher refused (logged, nothing changed).
	 */
	CampaignRow apply(CampaignRow campaign, CampaignChange change, Actor actor) {
		HeldToken token = this.gate.token(campaign.accountId());
		PublisherAccount account = this.accounts.find(campaign.accountId()).orElseThrow();
		PublisherClient client = this.publishers.client(account.publisher());
		try {
			if (change.action() == Automation.Action.BID) {
				client.setBid(token, campaign.adAccountId(), change.adGroupId(), change.bid());
			}
			else {
				client.setCampaignStatus(token, campaign.adAccountId(), campaign.campaignId(), change.status());
			}
		}
		catch (PublisherException ex) {
			log(campaign, change, actor, change.reason() + " — refused: " + ex.getMessage(), false);
			throw ex;
		}
		return this.transactions.execute(tx -> {
			log(campaign, change, actor, change.reason(), true);
			if (change.action() == Automation.Action.BID) {
				this.store.updateBid(campaign.accountId(), change.adGroupId(), change.bid());
				return campaign.withBid(change.adGroupId(), change.bid());
			}
			this.store.updateStatus(campaign.accountId(), campaign.campaignId(), change.status());
			return campaign.withStatus(change.status());
		});
	}

	private void log(CampaignRow campaign, CampaignChange change, Actor actor, String detail, boolean done) {
		this.actions.record(new ActionLog.Entry(campaign.accountId(), actor.automationId(), actor.source(),
				campaign.campaignId(), campaign.name(), change.adGroupId(), change.adGroupName(), change.action(), detail,
				done, actor.name(), this.clock.instant()));
	}

}
