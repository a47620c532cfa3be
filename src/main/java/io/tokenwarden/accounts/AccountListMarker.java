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
	 * One note: its words, a Bootstrap icon ({@code bi-clock-history}), a class that names it for styles
	 * and tests ({@code stale-marker}) and its tone, a Bootstrap text class: {@link #MUTED} by default,
	 * {@link #AMBER} for something to look at. The words and the icon say it too: never colour alone.
	 */
	record Note(String name, String icon, String text, String tone) {

		public static final String MUTED = "text-body-secondary";

		public static final String AMBER = "text-warning-emphasis";

		public Note(String name, String icon, String text) {
			this(name, icon, text, MUTED);
		}

	}

}
