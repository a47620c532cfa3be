package io.tokenwarden.sync;

import io.tokenwarden.publishers.PublisherException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an account's automations on its freshly imported campaigns, in the order they were added; each
 * sees the changes the ones before it made. A closed gate stops the run before any call; a publisher's
 * refusal is logged and the run goes on with the next campaign.
 */
@Component
class Automations {

	private static final Logger log = LoggerFactory.getLogger(Automations.class);

	private final AutomationStore automations;

	private final SyncStore store;

	private final SyncGate gate;

	private final CampaignWriter writer;

	Automations(AutomationStore automations, SyncStore store, SyncGate gate, CampaignWriter writer) {
		this.automations = automations;
		this.store = store;
		this.gate = gate;
		this.writer = writer;
	}

	/** Runs them; returns how many changes the publisher accepted. */
	int run(long accountId) {
		var list = this.automations.forAccount(accountId);
		if (list.isEmpty() || !this.gate.of(accountId).open()) {
			return 0;
		}
		Map<String, CampaignRow> campaigns = new LinkedHashMap<>();
		this.store.campaigns(accountId).forEach(c -> campaigns.put(c.campaignId(), c));
		int done = 0;
		try {
			for (Automation automation : list) {
				for (String id : List.copyOf(campaigns.keySet())) {
					for (CampaignChange change : AutomationRules.decide(automation, campaigns.get(id))) {
						if (apply(campaigns, campaigns.get(id), change, automation)) {
							done++;
						}
					}
				}
			}
		}
		catch (SyncPausedException ex) {
			log.info("Automations of account {} stopped: {}", accountId, ex.getMessage());
		}
		return done;
	}

	private boolean apply(Map<String, CampaignRow> campaigns, CampaignRow campaign, CampaignChange change, Automation automation) {
		try {
			campaigns.put(campaign.campaignId(), this.writer.apply(campaign, change, CampaignWriter.Actor.of(automation)));
			return true;
		}
		catch (PublisherException ex) {
			return false;
		}
	}

}
