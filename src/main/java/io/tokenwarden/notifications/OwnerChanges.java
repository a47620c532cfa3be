package io.tokenwarden.notifications;

import io.tokenwarden.accounts.OwnerEmailChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new owner's email takes over the account's notices that have not gone out yet, in the change's
 * own transaction, so the old owner receives nothing after the change.
 */
@Component
class OwnerChanges {

	private final NoticeOutbox outbox;

	OwnerChanges(NoticeOutbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void onOwnerChanged(OwnerEmailChanged event) {
		this.outbox.readdress(event.accountId(), event.previousEmail(), event.newEmail());
	}

}
