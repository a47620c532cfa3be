package io.tokenwarden.sync;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The "add an automation" form, as submitted. {@link #problem()} names the first thing wrong with it (a
 * message key), so bad input gets a clear message and nothing is stored.
 */
record NewAutomation(Automation.AutomationKind kind, String campaignId, BigDecimal threshold, Automation.Metric metric,
		Automation.Operator operator, Automation.Action action, BigDecimal minBid, BigDecimal maxBid, BigDecimal step) {

	static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	/** Only what the kind uses is kept; an empty campaign means every campaign. */
	NewAutomation {
		campaignId = campaignId == null || campaignId.isBlank() ? null : campaignId.trim();
		if (kind != Automation.AutomationKind.RULE) {
			metric = null;
			operator = null;
			action = null;
		}
		if (kind != Automation.AutomationKind.AUTO_BID) {
			minBid = null;
			maxBid = null;
			step = null;
		}
	}

	Optional<String> problem() {
		if (this.kind == null) {
			return Optional.of("automations.invalid.kind");
		}
		if (!amount(this.threshold, true)) {
			return Optional.of("automations.invalid.threshold");
		}
		if (this.kind == Automation.AutomationKind.RULE && (this.metric == null || this.operator == null || this.action == null
				|| this.action == Automation.Action.BID)) {
			return Optional.of("automations.invalid.rule");
		}
		if (this.kind == Automation.AutomationKind.AUTO_BID && (!amount(this.minBid, false) || !amount(this.maxBid, false)
				|| !amount(this.step, false) || this.maxBid.compareTo(this.minBid) < 0)) {
			return Optional.of("automations.invalid.bid");
		}
		return Optional.empty();
	}

	private static boolean amount(BigDecimal value, boolean zeroAllowed) {
		return value != null && value.signum() >= (zeroAllowed ? 0 : 1) && value.compareTo(MAX_AMOUNT) <= 0
				&& value.scale() <= 2;
	}

}
