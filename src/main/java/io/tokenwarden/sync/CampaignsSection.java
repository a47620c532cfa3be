package io.tokenwarden.sync;

import io.tokenwarden.accounts.AccountDetailSection;
import org.springframework.stereotype.Component;

/** On the account page: sync's state (paused and why, last synced) and the link to the Campaigns page. */
@Component
class CampaignsSection implements AccountDetailSection {

	private final CampaignSync sync;

	CampaignsSection(CampaignSync sync) {
		this.sync = sync;
	}

	@Override
	public int order() {
		return 5;
	}

	@Override
	public String template() {
		return "sync/section";
	}

	@Override
	public Object model(long accountId) {
		return this.sync.summary(accountId);
	}

}
