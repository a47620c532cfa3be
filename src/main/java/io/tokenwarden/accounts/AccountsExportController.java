package io.tokenwarden.accounts;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /config/accounts.csv}: every row Config > Accounts shows for the current agency under the
 * same search, filters and sort, all pages, written to the response as the database cursor reads them.
 */
@Controller
class AccountsExportController {

	private final AccountSearch search;

	private final AccountListView view;

	private final CurrentAgency currentAgency;

	private final MessageSource messages;

	private final Clock clock;

	AccountsExportController(AccountSearch search, AccountListView view, CurrentAgency currentAgency,
			MessageSource messages, Clock clock) {
		this.search = search;
		this.view = view;
		this.currentAgency = currentAgency;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/config/accounts.csv")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) String publisher,
			@RequestParam(required = false) String status, @RequestParam(required = false) String sort, Locale locale,
			HttpServletResponse response) throws IOException {
		AgencyContext context = this.currentAgency.get();
		AccountQuery query = AccountQuery.of(q, publisher, status, sort, 0, AccountQuery.MAX_SIZE);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("accounts-" + LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC) + ".csv")
			.build()
			.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 16 * 1024);
		// a byte order mark, so that a spreadsheet reads the file as UTF-8
		out.write('\uFEFF');
		AccountCsv csv = new AccountCsv(out);
		csv.row(List.of("accounts.column.publisher", "accounts.column.id", "accounts.column.name", "csv.column.ownerEmail",
				"csv.column.status", "accounts.column.valid", "accounts.column.lastChecked", "accounts.column.expires",
				"accounts.column.agencies").stream().map(code -> this.messages.getMessage(code, null, locale)).toList());
		try {
			this.search.export(context.agencyId(), query, row -> {
				try {
					csv.row(List.of(row.publisher().displayName(), row.externalId(), row.name(), row.ownerEmail(),
							row.status() == null ? "" : row.status().name(), this.view.validText(row, locale),
							iso(row.lastCheckedAt()), iso(row.expiresAt()), String.join("; ", row.linkedAgencies())));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			// the client went away: the cursor closes with the transaction
			throw ex.getCause();
		}
		out.flush();
	}

	private static String iso(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

}
