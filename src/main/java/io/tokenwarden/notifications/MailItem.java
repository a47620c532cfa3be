package io.tokenwarden.notifications;

/**
 * One notice as its email shows it: every value already in words (reason label, formatted date)
 * and every link absolute.
 *
 * @param reconnectLink the owner's personal reconnect link for the account; null in admin copies and
 * in notices that ask nothing of the token
 */
record MailItem(NoticeKind kind, String publisher, String externalId, String accountName, String ownerEmail,
		String reason, String date, boolean dataAccess, String actor, String link, String billingName,
		String billingLink, String reconnectLink) {
}
