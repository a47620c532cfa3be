package io.tokenwarden.sync;

import io.tokenwarden.publishers.CampaignStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What each automation decides for one campaign's figures. */
class AutomationRulesTests {

	/** A campaign with one running ad set or line item that has a bid of its own. */
	private static CampaignRow campaign(CampaignStatus status, String budget, String spend, String bid) {
		return campaign(status, budget, spend, List.of(new AdGroupRow("4201", "42", "Broad", CampaignStatus.ACTIVE, amount(bid))));
	}

	private static CampaignRow campaign(CampaignStatus status, String budget, String spend, List<AdGroupRow> adGroups) {
		return new CampaignRow(1, "42", "act_1", "Sale", status, amount(budget), amount(spend), adGroups, Instant.now());
	}

	private static Automation automation(Automation.AutomationKind kind, String threshold, Automation.Metric metric,
			Automation.Operator operator, Automation.Action action, String min, String max, String step) {
		return new Automation(1, 1, kind, null, amount(threshold), metric, operator, action, amount(min), amount(max),
				amount(step), "admin", Instant.now());
	}

	private static BigDecimal amount(String text) {
		return text == null ? null : new BigDecimal(text);
	}

	/** The first change decided (a status rule never decides more than one). */
	private static Optional<CampaignChange> decide(Automation automation, CampaignRow campaign) {
		return AutomationRules.decide(automation, campaign).stream().findFirst();
	}

	@Test
	void autopauseWhenSpendPassesTheCapThenPausesOnlyAnActiveCampaign() {
		Automation cap = automation(Automation.AutomationKind.AUTOPAUSE, "100", null, null, null, null, null, null);

		assertThat(decide(cap, campaign(CampaignStatus.ACTIVE, "500", "100.01", "1"))).hasValueSatisfying(change -> {
			assertThat(change.action()).isEqualTo(Automation.Action.PAUSE);
			assertThat(change.reason()).isEqualTo("spend today 100.01 passed the cap 100.00");
		});
		assertThat(decide(cap, campaign(CampaignStatus.ACTIVE, "500", "100.00", "1"))).isEmpty();
		assertThat(decide(cap, campaign(CampaignStatus.PAUSED, "500", "900", "1"))).isEmpty();
	}

	@Test
	void ruleWhenMetricCrossesTheThresholdThenPausesOrResumesTheOtherState() {
		Automation pauseAbove = automation(Automation.AutomationKind.RULE, "80", Automation.Metric.BUDGET_USED,
				Automation.Operator.ABOVE, Automation.Action.PAUSE, null, null, null);
		Automation resumeBelow = automation(Automation.AutomationKind.RULE, "50", Automation.Metric.SPEND_TODAY,
				Automation.Operator.BELOW, Automation.Action.RESUME, null, null, null);

		assertThat(decide(pauseAbove, campaign(CampaignStatus.ACTIVE, "100", "85", "1")))
			.hasValueSatisfying(change -> assertThat(change.reason()).isEqualTo("budget used 85% above 80%"));
		assertThat(decide(pauseAbove, campaign(CampaignStatus.ACTIVE, "100", "80", "1"))).isEmpty();
		assertThat(decide(pauseAbove, campaign(CampaignStatus.ACTIVE, null, "85", "1"))).isEmpty();
		assertThat(decide(resumeBelow, campaign(CampaignStatus.PAUSED, "100", "10", "1")))
			.hasValueSatisfying(change -> assertThat(change.status()).isEqualTo(CampaignStatus.ACTIVE));
		assertThat(decide(resumeBelow, campaign(CampaignStatus.ACTIVE, "100", "10", "1"))).isEmpty();
	}

	@Test
	void autoBidWhenSpendIsOffTargetThenOneStepTowardItWithinTheBounds() {
		Automation bid = automation(Automation.AutomationKind.AUTO_BID, "50", null, null, null, "1.00", "2.00", "0.25");

		assertThat(decide(bid, campaign(CampaignStatus.ACTIVE, "100", "10", "1.50")))
			.hasValueSatisfying(change -> assertThat(change.bid()).isEqualByComparingTo("1.75"));
		assertThat(decide(bid, campaign(CampaignStatus.ACTIVE, "100", "90", "1.50")))
			.hasValueSatisfying(change -> assertThat(change.bid()).isEqualByComparingTo("1.25"));
		assertThat(decide(bid, campaign(CampaignStatus.ACTIVE, "100", "10", "1.90")))
			.hasValueSatisfying(change -> assertThat(change.bid()).isEqualByComparingTo("2.00"));
		assertThat(decide(bid, campaign(CampaignStatus.ACTIVE, "100", "10", "2.00"))).isEmpty();
		assertThat(decide(bid, campaign(CampaignStatus.ACTIVE, "100", "90", "1.00"))).isEmpty();
		assertThat(decide(bid, campaign(CampaignStatus.ACTIVE, "100", "50", "1.50"))).isEmpty();
		assertThat(decide(bid, campaign(CampaignStatus.PAUSED, "100", "10", "1.50"))).isEmpty();
	}

	@Test
	void autoBidWhenTheCampaignHasSeveralAdGroupsThenEachRunningOneWithItsOwnBidMovesAndTheOthersAreLeftAlone() {
		Automation bid = automation(Automation.AutomationKind.AUTO_BID, "50", null, null, null, "1.00", "2.00", "0.25");
		CampaignRow campaign = campaign(CampaignStatus.ACTIVE, "100", "10", List.of(
				new AdGroupRow("4201", "42", "Broad", CampaignStatus.ACTIVE, amount("1.50")),
				new AdGroupRow("4202", "42", "Lookalike", CampaignStatus.ACTIVE, null),
				new AdGroupRow("4203", "42", "Resting", CampaignStatus.PAUSED, amount("1.50")),
				new AdGroupRow("4204", "42", "Retargeting", CampaignStatus.ACTIVE, amount("1.00"))));

		List<CampaignChange> changes = AutomationRules.decide(bid, campaign);

		assertThat(changes).extracting(CampaignChange::adGroupId, CampaignChange::adGroupName)
			.containsExactly(tuple("4201", "Broad"), tuple("4204", "Retargeting"));
		assertThat(changes).extracting(CampaignChange::bid).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("1.75"), new BigDecimal("1.25"));
		assertThat(changes.get(0).reason()).isEqualTo("spend today 10.00 below the target 50.00: bid 1.50 → 1.75");
		assertThat(AutomationRules.decide(bid, campaign(CampaignStatus.ACTIVE, "100", "10", List.of()))).isEmpty();
	}

	@Test
	void automationOnOneCampaignThenLeavesTheOthersAlone() {
		Automation only = new Automation(1, 1, Automation.AutomationKind.AUTOPAUSE, "7", BigDecimal.ONE, null, null, null, null,
				null, null, "admin", Instant.now());

		assertThat(decide(only, campaign(CampaignStatus.ACTIVE, "10", "5", "1"))).isEmpty();
	}

}
