package io.tokenwarden.sync;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The "add an automation" form as the browser sends it: text only, so nothing fails to bind. Anything
 * unreadable becomes null, which {@link NewAutomation#problem()} then names.
 */
record AutomationForm(String kind, String campaignId, String threshold, String metric, String operator, String action,
		String minBid, String maxBid, String step) {

	NewAutomation toNewAutomation() {
		return new NewAutomation(parse(Automation.AutomationKind.values(), this.kind), this.campaignId, decimal(this.threshold),
				parse(Automation.Metric.values(), this.metric), parse(Automation.Operator.values(), this.operator),
				parse(Automation.Action.values(), this.action), decimal(this.minBid), decimal(this.maxBid),
				decimal(this.step));
	}

	private static <E extends Enum<E>> E parse(E[] values, String name) {
		return Arrays.stream(values).filter(value -> value.name().equals(name)).findFirst().orElse(null);
	}

	private static BigDecimal decimal(String text) {
		if (text == null || text.isBlank() || text.length() > 20) {
			return null;
		}
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
