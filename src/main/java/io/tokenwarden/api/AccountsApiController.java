package io.tokenwarden.api;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.AccountPage;
import io.tokenwarden.accounts.AccountQuery;
import io.tokenwarden.accounts.AccountRow;
import io.tokenwarden.health.HealthChecks;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenStatus;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/v1/accounts} and {@code /api/v1/accounts/{id}}: the accounts of the token's agency
 * with the filters of Config > Accounts (the page's own query), and one account with its recent checks.
 */
@RestController
class AccountsApiController {

	static final int RECENT_CHECKS = 20;

	private final AccountDirectory accounts;

	private final HealthChecks health;

	AccountsApiController(AccountDirectory accounts, HealthChecks health) {
		this.accounts = accounts;
		this.health = health;
	}

	@GetMapping(path = "/api/v1/accounts", produces = "application/json")
	AccountStatus.Page list(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @RequestParam(required = false) String q,
			@RequestParam(required = false) String publisher, @RequestParam(required = false) String status,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
		AccountQuery query = AccountQuery.of(checkText(q), checkEnum("publisher", publisher, Publisher.class),
				checkEnum("status", status, TokenStatus.class), null,
				checkNumber("page", page, 0, Integer.MAX_VALUE), checkNumber("size", size, 1, AccountQuery.MAX_SIZE));
		AccountPage found = this.accounts.search(caller.agencyId(), query);
		return new AccountStatus.Page(found.rows().stream().map(row -> AccountStatus.of(row, null)).toList(),
				query.page(), query.size(), found.total(), found.totalPages());
	}

	@GetMapping(path = "/api/v1/accounts/{id}", produces = "application/json")
	AccountStatus show(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
		if (!this.accounts.linked(caller.agencyId(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such account");
		}
		AccountRow row = this.accounts.row(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such account"));
		List<AccountStatus.Check> checks = this.health.history(id).stream()
			.limit(RECENT_CHECKS)
			.map(c -> new AccountStatus.Check(c.checkedAt(), c.outcome().name(), c.reason()))
			.toList();
		return AccountStatus.of(row, checks);
	}

	private static String checkText(String q) {
		if (q != null && q.length() > 200) {
			throw badRequest("q: at most 200 characters");
		}
		return q;
	}

	/** The page ignores a value it does not know; the API says so instead, with the values it knows. */
	private static <E extends Enum<E>> String checkEnum(String name, String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			return null;
		}
		boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equalsIgnoreCase(value.strip()));
		if (!known) {
			throw badRequest(name + ": one of " + Arrays.toString(type.getEnumConstants()));
		}
		return value;
	}

	private static Integer checkNumber(String name, String value, int min, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number < min || number > max) {
				throw badRequest(name + ": from " + min + " to " + max);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw badRequest(name + ": a whole number from " + min + " to " + max);
		}
	}

	private static ResponseStatusException badRequest(String detail) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
	}

}
