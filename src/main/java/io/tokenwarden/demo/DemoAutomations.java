package io.tokenwarden.demo;

import io.tokenwarden.sync.CampaignSync;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives a few of the demo's valid accounts an automation each (Autopause, a Rule, Auto-bid in turn), so
 * the demo shows them acting from the first sync on. Runs inside the demo's seeding transaction.
 */
@Component
@Profile("demo")
class DemoAutomations {

	/** Every fourth valid account, from the second on, gets the next sample. */
	static final int EVERY = 4;

	private final CampaignSync sync;

	DemoAutomations(CampaignSync sync) {
		this.sync = sync;
	}

	@EventListener
	void on(DemoAccountsSeeded event) {
		List<DemoAccount> valid = event.accounts()
			.stream()
			.filter(account -> account.accountId() > 0 && account.status() == TokenStatus.VALID)
			.toList();
		List<Long> chosen = new ArrayList<>();
		for (int i = 1; i < valid.size(); i += EVERY) {
			chosen.add(valid.get(i).accountId());
		}
		this.sync.addSampleAutomations(chosen, "demo");
	}

}
