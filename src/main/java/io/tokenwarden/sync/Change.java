package io.tokenwarden.sync;

import io.tokenwarden.publishers.CampaignStatus;

import java.math.BigDecimal;

/** One change to make to a campaign at its publisher, and why, in words for the action log. */
record Change(Automation.Action action, BigDecimal bid, String reason) {

	static Change pause(String reason) {
		return new Change(Automation.Action.PAUSE, null, reason);
	}

	static Change resume(String reason) {
		return new Change(Automation.Action.RESUME, null, reason);
	}

	static Change bid(BigDecimal bid, String reason) {
		return new Change(Automation.Action.BID, bid, reason);
	}

	/** The status a PAUSE or RESUME asks for. */
	CampaignStatus status() {
		return this.action == Automation.Action.RESUME ? CampaignStatus.ACTIVE : CampaignStatus.PAUSED;
	}

}
