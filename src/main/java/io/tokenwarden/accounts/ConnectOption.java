package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;

/**
 * One "Connect … account" button of Config > Accounts: its publisher, and when that publisher's app is
 * not configured, the properties an operator must set before it can work.
 */
public record ConnectOption(Publisher publisher, String missingProperties) {

	public boolean configured() {
		return this.missingProperties == null;
	}

}
