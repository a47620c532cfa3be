package io.tokenwarden.sync;

import java.math.BigDecimal;
import java.util.List;

/** One automation of each kind (Autopause, a Rule, Auto-bid), for an installation that wants to show them acting. */
final class AutomationSamples {

	static final List<NewAutomation> ALL = List.of(
			new NewAutomation(Automation.AutomationKind.AUTOPAUSE, null, new BigDecimal("40.00"), null, null, null, null, null, null),
			new NewAutomation(Automation.AutomationKind.RULE, null, new BigDecimal("35"), Automation.Metric.BUDGET_USED,
					Automation.Operator.ABOVE, Automation.Action.PAUSE, null, null, null),
			new NewAutomation(Automation.AutomationKind.AUTO_BID, null, new BigDecimal("30.00"), null, null, null,
					new BigDecimal("0.50"), new BigDecimal("2.50"), new BigDecimal("0.10")));

	private AutomationSamples() {
	}

}
