package io.tokenwarden.accounts;

import java.util.List;

/**
 * One row of Config > Accounts as the page shows it: every text already in words and every link
 * already built, so that the rows ({@code accounts/rows.html}) and the account page only place them.
 */
record ListedAccount(long id, String publisherIcon, String publisher, String href, String externalId, String label,
		List<String> agencies, String agencyNames, String agencyCount, String validClass, String validIcon,
		String validText, String validTextClass, List<AccountListMarker.Note> notes, String lastChecked,
		String lastCheckedAt, String expires, String expiresAt, String refreshAction, String refreshLabel,
		String invalidateHref, String invalidateLabel) {
}
