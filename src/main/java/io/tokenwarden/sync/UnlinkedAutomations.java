package io.tokenwarden.sync;

import io.tokenwarden.accounts.AccountUnlinked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An agency that unlinks an account takes its automations on it away; the other agencies keep theirs.
 * The last agency's unlink leaves none. Runs in the unlink's transaction.
 */
@Component
class UnlinkedAutomations {

	private final AutomationStore automations;

	UnlinkedAutomations(AutomationStore automations) {
		this.automations = automations;
	}

	@EventListener
	void onUnlinked(AccountUnlinked event) {
		this.automations.removeForAgency(event.accountId(), event.lastLink() ? null : event.agencyId());
	}

}
