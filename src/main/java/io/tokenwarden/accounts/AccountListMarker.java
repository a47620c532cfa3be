package io.tokenwarden.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A short note another module adds under the Valid column of Config > Accounts ("Data may be stale
 * since …", say). The accounts module does not depend on the module that owns it.
 */
public interface AccountListMarker {

	/** The notes for the accounts of one page, by account id; rows without one get no note. */
	Map<Long, Note> notes(List<Long> accountIds, Locale locale);

	/**
	 * One note: its words, a Bootstrap icon ({@code bi-clock-history}) and a class that names it for
	 * styles and tests ({@code stale-marker}).
	 */
	record Note(String name, String icon, String text) {
	}

}
