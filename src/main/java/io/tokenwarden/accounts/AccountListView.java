package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenStatus;
import io.tokenwarden.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns accounts into what Config > Accounts and the account page show: the publisher's icon, the
 * Valid column's words ("Expired: the account's user changed their password"), relative times and
 * the notes other modules add to a row.
 */
@Component
class AccountListView {

	private final MessageSource messages;

	private final Formats formats;

	private final List<AccountListMarker> markers;

	AccountListView(MessageSource messages, Formats formats, List<AccountListMarker> markers) {
		this.messages = messages;
		this.formats = formats;
		this.markers = List.copyOf(markers);
	}

	/**
	 * The rows of one page, with the notes of every marker, in the page's order; each as its values by
	 * name ({@link ListedAccount#cells}), as the rows template reads them.
	 */
	List<Map<String, Object>> rows(List<AccountRow> accounts, Locale locale) {
		List<Long> ids = accounts.stream().map(AccountRow::id).toList();
		Map<Long, List<AccountListMarker.Note>> notes = new HashMap<>();
		for (AccountListMarker marker : this.markers) {
			marker.notes(ids, locale).forEach((id, note) -> notes.computeIfAbsent(id, k -> new ArrayList<>()).add(note));
		}
		Map<Integer, String> agencyCounts = new HashMap<>();
		List<Map<String, Object>> rows = new ArrayList<>(accounts.size());
		for (AccountRow a : accounts) {
			String agencyCount = agencyCounts.computeIfAbsent(a.linkedAgencies().size(),
					n -> message("accounts.agencies.count", locale, n));
			rows.add(row(a, agencyCount, notes.getOrDefault(a.id(), List.of()), locale).cells());
		}
		return rows;
	}

	/** One account as a row, without other modules' notes (the account page shows their sections instead). */
	ListedAccount row(AccountRow account, Locale locale) {
		return row(account, message("accounts.agencies.count", locale, account.linkedAgencies().size()), List.of(),
				locale);
	}

	private ListedAccount row(AccountRow a, String agencyCount, List<AccountListMarker.Note> notes, Locale locale) {
		String label = a.name() + " ( " + a.ownerEmail() + " )";
		String path = "/config/accounts/" + a.id();
		boolean invalidated = a.status() == TokenStatus.INVALIDATED;
		return new ListedAccount(a.id(), a.publisher() == Publisher.X ? "bi bi-twitter-x" : "bi bi-facebook text-primary",
				a.publisher().displayName(), path, a.externalId(), label, a.linkedAgencies(),
				String.join(", ", a.linkedAgencies()), agencyCount, validClass(a.status()), validIcon(a.status()),
				validText(a, locale), a.status() == TokenStatus.VALID ? "visually-hidden" : null, notes,
				a.lastCheckedAt() != null ? this.formats.relative(a.lastCheckedAt(), locale) : message("accounts.never", locale),
				this.formats.dateTime(a.lastCheckedAt()),
				expires(a, invalidated, locale), this.formats.dateTime(a.expiresAt()), path + "/refresh", message("accounts.refresh.title", locale, a.name()),
				invalidated ? null : path + "/invalidate", message("accounts.invalidate.title", locale, a.name()));
	}

	/** The Expires column: a date where the publisher gave one; X's OAuth 1.0a tokens do not expire. */
	private String expires(AccountRow a, boolean invalidated, Locale locale) {
		if (invalidated) {
			return "—";
		}
		if (a.expiresAt() != null) {
			return this.formats.relative(a.expiresAt(), locale);
		}
		return a.publisher() == Publisher.X ? message("accounts.expires.never", locale) : "—";
	}

	/** The Valid column in words: "Valid", "Expired: <reason>", "Invalidated by <who> on <date>: <reason>". */
	String validText(AccountRow a, Locale locale) {
		if (a.status() == null) {
			return message("status.none", locale);
		}
		return switch (a.status()) {
			case VALID -> message("status.VALID", locale);
			case EXPIRED -> message("status.EXPIRED", locale) + ": " + reason(a, locale);
			case INVALIDATED -> message("status.invalidatedBy", locale, a.statusChangedBy(),
					this.formats.date(a.statusChangedAt()), reason(a, locale));
		};
	}

	private String reason(AccountRow a, Locale locale) {
		return message("reason." + (a.statusReason() == null ? "UNKNOWN" : a.statusReason()), locale);
	}

	private static String validClass(TokenStatus status) {
		return status == null ? "token-status text-secondary"
				: status == TokenStatus.VALID ? "token-status text-success" : "token-status text-danger";
	}

	private static String validIcon(TokenStatus status) {
		return status == null ? "bi bi-dash-circle" : status == TokenStatus.VALID ? "bi bi-check-circle-fill" : "bi bi-x-circle-fill";
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, locale);
	}

}
