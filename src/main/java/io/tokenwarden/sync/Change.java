package io.tokenwarden.sync;

import io.tokenwarden.publishers.CampaignStatus;

import java.math.BigDecimal;

/**
 * One change to make at a publisher, and why, in words for the action log: a campaign's status, or the
 * bid of one of its ad groups (then {@code adGroupId} and {@code adGroupName} name it).
 */
record Change(Automation.Action action, String adGroupId, String adGroupName, BigDecimal bid, String reason) {

	static Change pause(String reason) {
		return new Change(Automation.Action.PAUSE, null, null, null, reason);
	}

	static Change resume(String reason) {
		return new Change(Automation.Action.RESUME, null, null, null, reason);
	}

	static Change bid(AdGroupRow adGroup, BigDecimal bid, String reason) {
		return new Change(Automation.Action.BID, adGroup.adGroupId(), adGroup.name(), bid, reason);
	}

	/** The status a PAUSE or RESUME asks for. */
	CampaignStatus status() {
		return this.action == Automation.Action.RESUME ? CampaignStatus.ACTIVE : CampaignStatus.PAUSED;
	}

}
