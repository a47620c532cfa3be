package io.tokenwarden.accounts;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV (RFC 4180: every cell quoted, CRLF) that a spreadsheet opens as text: a cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR would be read as a formula, so it gets a
 * leading apostrophe (OWASP "CSV Injection").
 */
final class AccountCsv {

	private final Writer out;

	AccountCsv(Writer out) {
		this.out = out;
	}

	void row(List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				this.out.write(',');
			}
			this.out.write(cell(cells.get(i)));
		}
		this.out.write("\r\n");
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "\"\"";
		}
		char first = value.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
		return "\"" + (formula ? "'" : "") + value.replace("\"", "\"\"") + "\"";
	}

}
