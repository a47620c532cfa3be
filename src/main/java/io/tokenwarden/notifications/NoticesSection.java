package io.tokenwarden.notifications;

import io.tokenwarden.accounts.AccountDetailSection;
import org.springframework.stereotype.Component;

/** The notices sent about an account, on its page. */
@Component
class NoticesSection implements AccountDetailSection {

	private final Notices notices;

	NoticesSection(Notices notices) {
		this.notices = notices;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public String template() {
		return "notifications/account";
	}

	@Override
	public Object model(long accountId) {
		return this.notices.forAccount(accountId, 50);
	}

}
