package io.tokenwarden.sync;

import io.tokenwarden.publishers.CampaignStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an automation decides for one campaign, from the figures last imported: nothing, a change of the
 * campaign's status, or (Auto-bid) a bid change on each of its ad groups that has a bid to move. Each
 * decision only moves a campaign out of the state it acts on, so running twice changes nothing more.
 */
final class AutomationRules {

	private AutomationRules() {
	}

	static List<CampaignChange> decide(Automation automation, CampaignRow campaign) {
		if (!automation.appliesTo(campaign)) {
			return List.of();
		}
		return switch (automation.kind()) {
			case AUTOPAUSE -> autopause(automation, campaign).stream().toList();
			case RULE -> rule(automation, campaign).stream().toList();
			case AUTO_BID -> autoBid(automation, campaign);
		};
	}

	private static Optional<CampaignChange> autopause(Automation automation, CampaignRow campaign) {
		BigDecimal spend = campaign.spendToday();
		if (campaign.status() != CampaignStatus.ACTIVE || spend == null || spend.compareTo(automation.threshold()) <= 0) {
			return Optional.empty();
		}
		return Optional.of(CampaignChange.pause("spend today " + money(spend) + " passed the cap " + money(automation.threshold())));
	}

	private static Optional<CampaignChange> rule(Automation automation, CampaignRow campaign) {
		boolean pause = automation.action() == Automation.Action.PAUSE;
		CampaignStatus actsOn = pause ? CampaignStatus.ACTIVE : CampaignStatus.PAUSED;
		BigDecimal value = automation.metric() == Automation.Metric.BUDGET_USED ? campaign.budgetUsed() : campaign.spendToday();
		if (campaign.status() != actsOn || value == null) {
			return Optional.empty();
		}
		int comparison = value.compareTo(automation.threshold());
		boolean crossed = automation.operator() == Automation.Operator.ABOVE ? comparison > 0 : comparison < 0;
		if (!crossed) {
			return Optional.empty();
		}
		boolean percent = automation.metric() == Automation.Metric.BUDGET_USED;
		String reason = (percent ? "budget used " : "spend today ") + amount(value, percent) + " "
				+ automation.operator().name().toLowerCase(Locale.ROOT) + " " + amount(automation.threshold(), percent);
		return Optional.of(pause ? CampaignChange.pause(reason) : CampaignChange.resume(reason));
	}

	/**
	 * The campaign's spend is measured against the target; each delivering ad group with a bid of its own
	 * moves one step in the same direction, within the bounds. Ad groups the publisher bids for, and paused
	 * ones (their bid does not move today's spend), are left alone.
	 */
	private static List<CampaignChange> autoBid(Automation automation, CampaignRow campaign) {
		BigDecimal spend = campaign.spendToday();
		if (campaign.status() != CampaignStatus.ACTIVE || spend == null) {
			return List.of();
		}
		int pace = spend.compareTo(automation.threshold());
		List<CampaignChange> changes = new ArrayList<>();
		for (AdGroupRow group : campaign.adGroups()) {
			BigDecimal bid = group.bid();
			if (group.automaticBid() || group.status() != CampaignStatus.ACTIVE) {
				continue;
			}
			BigDecimal nudged = pace < 0 ? bid.add(automation.step()) : pace > 0 ? bid.subtract(automation.step()) : bid;
			BigDecimal bounded = nudged.max(automation.minBid()).min(automation.maxBid());
			if (bounded.compareTo(bid) != 0) {
				String reason = "spend today " + money(spend) + (pace < 0 ? " below" : pace > 0 ? " above" : " at") + " the target "
						+ money(automation.threshold()) + ": bid " + money(bid) + " → " + money(bounded);
				changes.add(CampaignChange.bid(group, bounded, reason));
			}
		}
		return changes;
	}

	private static String amount(BigDecimal value, boolean percent) {
		return percent ? value.stripTrailingZeros().toPlainString() + "%" : money(value);
	}

	static String money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

}
