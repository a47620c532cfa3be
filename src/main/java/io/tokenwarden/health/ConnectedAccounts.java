package io.tokenwarden.health;

import io.tokenwarden.refresh.AccountConnected;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A connected account is checked at once, once the connect has committed and before its page is
 * shown, so the page opens on a real Valid state and a "last checked" time.
 */
@Component
class ConnectedAccounts {

	private final HealthChecks checks;

	ConnectedAccounts(HealthChecks checks) {
		this.checks = checks;
	}

	@TransactionalEventListener
	void onConnected(AccountConnected event) {
		this.checks.checkNow(event.accountId());
	}

}
