package io.tokenwarden.sync;

import io.tokenwarden.demo.DemoAccount;
import io.tokenwarden.demo.DemoAccountsSeeded;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * Gives a few of the demo's valid accounts an automation each (Autopause, a Rule, Auto-bid in turn), so
 * the demo shows them acting from the first sync on. Runs inside the demo's seeding transaction.
 */
@Component
@Profile("demo")
class DemoAutomations {

	/** Every fourth valid account, from the second on, until each sample is used once. */
	static final int EVERY = 4;

	private static final List<NewAutomation> SAMPLES = List.of(
			new NewAutomation(Automation.Kind.AUTOPAUSE, null, new BigDecimal("40.00"), null, null, null, null, null, null),
			new NewAutomation(Automation.Kind.RULE, null, new BigDecimal("35"), Automation.Metric.BUDGET_USED,
					Automation.Operator.ABOVE, Automation.Action.PAUSE, null, null, null),
			new NewAutomation(Automation.Kind.AUTO_BID, null, new BigDecimal("30.00"), null, null, null,
					new BigDecimal("0.50"), new BigDecimal("2.50"), new BigDecimal("0.10")));

	private final AutomationStore automations;

	private final Clock clock;

	DemoAutomations(AutomationStore automations, Clock clock) {
		this.automations = automations;
		this.clock = clock;
	}

	@EventListener
	void on(DemoAccountsSeeded event) {
		List<DemoAccount> valid = event.accounts()
			.stream()
			.filter(account -> account.accountId() > 0 && account.status() == TokenStatus.VALID)
			.toList();
		for (int i = 1, sample = 0; i < valid.size() && sample < SAMPLES.size(); i += EVERY, sample++) {
			this.automations.add(valid.get(i).accountId(), null, SAMPLES.get(sample), "demo", this.clock.instant());
		}
	}

}
