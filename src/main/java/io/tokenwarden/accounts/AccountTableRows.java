package io.tokenwarden.accounts;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

import java.util.List;

/**
 * The rows of the Config > Accounts table, written out directly. Everything else on the page is a
 * Thymeleaf template; these fifty rows are not, because rendered by Thymeleaf (some 1,700 processed
 * attributes) they cost a third of the page's CPU, and the page's latency target could not be met
 * with them. Every text and attribute value goes through {@link #escape}; the XSS tests of the list
 * (names, emails and agency names like {@code <script>}, quotes in attributes) cover this class.
 * The markup is that of {@code accounts/list.html}'s table and keeps its structure: one row per
 * account with {@code data-account-id}, the Valid column in words, and for admins the Refresh form
 * (with its CSRF field) and the Invalidate Token link.
 */
final class AccountTableRows {

	private AccountTableRows() {
	}

	static String of(List<ListedAccount> rows, boolean canChangeTokens, CsrfToken csrf) {
		StringBuilder html = new StringBuilder(rows.size() * 1400);
		for (ListedAccount row : rows) {
			html.append("<tr data-account-id=\"").append(row.id()).append("\">\n");
			html.append("<td class=\"text-nowrap\"><i class=\"").append(escape(row.publisherIcon()))
				.append("\" aria-hidden=\"true\"></i> <span>").append(escape(row.publisher())).append("</span></td>\n");
			html.append("<td><a href=\"").append(escape(row.href())).append("\">").append(escape(row.externalId()))
				.append("</a></td>\n");
			html.append("<td class=\"account-name\">").append(escape(row.label())).append("</td>\n");
			html.append("<td><details class=\"linked-agencies\" title=\"").append(escape(row.agencyNames()))
				.append("\"><summary>").append(escape(row.agencyCount()))
				.append("</summary><ul class=\"list-unstyled small mb-0\">");
			for (String agency : row.agencies()) {
				html.append("<li>").append(escape(agency)).append("</li>");
			}
			html.append("</ul></details></td>\n");
			html.append("<td class=\"valid\"><span class=\"").append(escape(row.validClass())).append("\"><i class=\"")
				.append(escape(row.validIcon())).append("\" aria-hidden=\"true\"></i> <span")
				.append(row.validTextClass() == null ? "" : " class=\"" + escape(row.validTextClass()) + "\"").append(">")
				.append(escape(row.validText())).append("</span></span>");
			for (AccountListMarker.Note note : row.notes()) {
				html.append("<small class=\"").append(escape(note.name())).append(" d-block ").append(escape(note.tone()))
					.append("\"><i class=\"bi ").append(escape(note.icon()))
					.append("\" aria-hidden=\"true\"></i> <span>").append(escape(note.text())).append("</span></small>");
			}
			html.append("</td>\n");
			html.append("<td class=\"text-nowrap\" title=\"").append(escape(row.lastCheckedAt())).append("\">")
				.append(escape(row.lastChecked())).append("</td>\n");
			html.append("<td class=\"text-nowrap\" title=\"").append(escape(row.expiresAt())).append("\">")
				.append(escape(row.expires())).append("</td>\n");
			if (canChangeTokens) {
				html.append("<td><form method=\"post\" action=\"").append(escape(row.refreshAction())).append("\">");
				if (csrf != null) {
					html.append("<input type=\"hidden\" name=\"").append(escape(csrf.getParameterName()))
						.append("\" value=\"").append(escape(csrf.getToken())).append("\">");
				}
				html.append("<button type=\"submit\" class=\"btn btn-link p-0 refresh\" title=\"")
					.append(escape(row.refreshLabel())).append("\" aria-label=\"").append(escape(row.refreshLabel()))
					.append("\"><i class=\"bi bi-arrow-clockwise\" aria-hidden=\"true\"></i></button></form></td>\n");
				html.append("<td>");
				if (row.invalidateHref() != null) {
					html.append("<a class=\"invalidate\" href=\"").append(escape(row.invalidateHref())).append("\" title=\"")
						.append(escape(row.invalidateLabel())).append("\" aria-label=\"")
						.append(escape(row.invalidateLabel()))
						.append("\"><img src=\"/img/link-broken.svg\" alt=\"\" width=\"18\" height=\"18\"></a>");
				}
				html.append("</td>\n");
			}
			html.append("</tr>\n");
		}
		return html.toString();
	}

	/** Escaped for an HTML text node and a double-quoted attribute value alike: only {@code < > & " '} (the page is UTF-8). */
	static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
