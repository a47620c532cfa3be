package io.tokenwarden.reconnect;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.notifications.NewNotice;
import io.tokenwarden.notifications.NoticeAccount;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.refresh.OwnerReconnected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An owner's reconnect goes into the account's notification log, as the owner's confirmation email, in
 * the reconnect's own transaction.
 */
@Component
class ReconnectedNotice {

	private final AccountDirectory accounts;

	private final Notices notices;

	ReconnectedNotice(AccountDirectory accounts, Notices notices) {
		this.accounts = accounts;
		this.notices = notices;
	}

	@EventListener
	void onReconnected(OwnerReconnected event) {
		this.accounts.find(event.accountId())
			.ifPresent(account -> this.notices.enqueue(NewNotice.reconnected(new NoticeAccount(account.id(),
					account.publisher(), account.externalId(), account.name(), account.ownerEmail()), event.at())));
	}

}
