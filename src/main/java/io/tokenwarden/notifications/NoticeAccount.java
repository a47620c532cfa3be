package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;

/**
 * The facts about a publisher account that a notice's email shows, copied into the notice so the
 * email reads the same whatever happens to the account later.
 */
public record NoticeAccount(long id, Publisher publisher, String externalId, String name, String ownerEmail) {

	public NoticeAccount {
		if (publisher == null) {
			throw new IllegalArgumentException("a notice's account needs its publisher");
		}
		externalId = NewNotice.required(externalId, "the account's external id", 64);
		name = NewNotice.required(name, "the account's name", 300);
		ownerEmail = NewNotice.required(ownerEmail, "the account's owner email", 320);
	}

}
