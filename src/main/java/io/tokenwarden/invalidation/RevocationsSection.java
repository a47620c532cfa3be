package io.tokenwarden.invalidation;

import io.tokenwarden.accounts.AccountDetailSection;
import org.springframework.stereotype.Component;

/** The account's revocations at its publisher, on its page: a failed one is there for admins to act on. */
@Component
class RevocationsSection implements AccountDetailSection {

	private final RevocationOutbox outbox;

	RevocationsSection(RevocationOutbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public String template() {
		return "invalidation/revocations";
	}

	@Override
	public Object model(long accountId) {
		return this.outbox.forAccount(accountId);
	}

}
