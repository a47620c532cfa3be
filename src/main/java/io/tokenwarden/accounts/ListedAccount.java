package io.tokenwarden.accounts;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of Config > Accounts as the page shows it: every text already in words and every link
 * already built, so that the rows ({@code accounts/rows.html}) and the account page only place them.
 */
record ListedAccount(long id, String publisherIcon, String publisher, String href, String externalId, String label,
		List<String> agencies, String agencyNames, String agencyCount, String validClass, String validIcon,
		String validText, String validTextClass, List<AccountListMarker.Note> notes, String lastChecked,
		String lastCheckedAt, String expires, String expiresAt, String refreshAction, String refreshLabel,
		String invalidateHref, String invalidateLabel) {

	private static final RecordComponent[] COMPONENTS = ListedAccount.class.getRecordComponents();

	/**
	 * The row's values by name, as the rows template reads them ({@code row['label']}). A page shows
	 * fifty rows of some thirty values: read as {@code row.label()}, each value cost SpEL a reflective
	 * call and a new type descriptor for its result, about a fifth of the rows' rendering; read from a
	 * map, it is a lookup.
	 */
	Map<String, Object> cells() {
		Map<String, Object> cells = new HashMap<>(COMPONENTS.length * 2);
		for (RecordComponent component : COMPONENTS) {
			try {
				cells.put(component.getName(), component.getAccessor().invoke(this));
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException("ListedAccount." + component.getName() + "() could not be read", ex);
			}
		}
		return cells;
	}

}
