package io.tokenwarden.accounts;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Config > Accounts: the list, one account, and (until their issues land) the token actions. */
@Controller
class AccountsController {

	private final AccountDirectory directory;

	private final AccountAccess access;

	private final CurrentAgency currentAgency;

	private final AuditLog auditLog;

	private final List<AccountDetailSection> sections;

	private final AccountListView view;

	private final AccountLinks links;

	private final List<ConnectOptions> connectOptions;

	AccountsController(AccountDirectory directory, AccountAccess access, CurrentAgency currentAgency, AuditLog auditLog,
			List<AccountDetailSection> sections, AccountListView view, AccountLinks links,
			List<ConnectOptions> connectOptions) {
		this.links = links;
		this.connectOptions = connectOptions;
		this.sections = sections.stream().sorted(Comparator.comparingInt(AccountDetailSection::order)).toList();
		this.view = view;
		this.directory = directory;
		this.access = access;
		this.currentAgency = currentAgency;
		this.auditLog = auditLog;
	}

	@GetMapping("/config/accounts")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String publisher,
			@RequestParam(required = false) String status, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Locale locale,
			Model model) {
		AgencyContext context = this.currentAgency.get();
		AccountQuery query = AccountQuery.of(q, publisher, status, sort, page, size);
		AccountPage accounts = this.directory.search(context.agencyId(), query);
		model.addAttribute("accounts", accounts);
		model.addAttribute("listedAccounts", this.view.rows(accounts.rows(), locale));
		model.addAttribute("query", query);
		model.addAttribute("publishers", Publisher.values());
		model.addAttribute("statuses", TokenStatus.values());
		model.addAttribute("canChangeTokens", context.isAdmin());
		model.addAttribute("connectOptions", context.isAdmin()
				? this.connectOptions.stream().flatMap(o -> o.options().stream()).toList() : List.of());
		return "accounts/list";
	}

	@GetMapping("/config/accounts/{id}")
	String show(@PathVariable long id, Locale locale, Model model) {
		this.access.requireVisible(id);
		AccountRow account = this.directory.row(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("account", account);
		model.addAttribute("shown", this.view.row(account, locale));
		model.addAttribute("audit", this.auditLog.forAccount(id, 50));
		model.addAttribute("assets", this.directory.assets(id));
		model.addAttribute("sections", this.sections.stream()
			.map(section -> new RenderedSection(section.template(), section.model(id)))
			.toList());
		boolean admin = this.currentAgency.get().isAdmin();
		boolean linkedHere = this.access.linkedToCurrentAgency(id);
		model.addAttribute("canChangeTokens", admin);
		model.addAttribute("canChangeLinks", admin && linkedHere);
		model.addAttribute("linkableAgencies", admin && linkedHere ? this.links.linkableAgencies(id) : List.of());
		return "accounts/detail";
	}

	/** One module's part of the account page, ready for its fragment. */
	record RenderedSection(String template, Object model) {
	}


}
