package io.tokenwarden.sync;

import io.tokenwarden.publishers.CampaignStatus;

import java.math.BigDecimal;

/**
 * One change to make at a publisher, and why, in words for the action log: a campaign's status, or the
 * bid of one of its ad groups (then {@code adGroupId} and {@code adGroupName} name it).
 */
record CampaignChange(Automation.Action action, String adGroupId, String adGroupName, BigDecimal bid, String reason) {

	static CampaignChange pause(String reason) {
		return new CampaignChange(Automation.Action.PAUSE, null, null, null, reason);
	}

	static CampaignChange resume(String reason) {
		return new CampaignChange(Automation.Action.RESUME, null, null, null, reason);
	}

	static CampaignChange bid(AdGroupRow adGroup, BigDecimal bid, String reason) {
		return new CampaignChange(Automation.Action.BID, adGroup.adGroupId(), adGroup.name(), bid, reason);
	}

	/** The status a PAUSE or RESUME asks for. */
	CampaignStatus status() {
		return this.action == Automation.Action.RESUME ? CampaignStatus.ACTIVE : CampaignStatus.PAUSED;
	}

}
