package io.tokenwarden.health;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.flash.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** "Check now" on one account and "Check all now" for the current agency. */
@Controller
class HealthController {

	private final HealthChecks checks;

	/** As the pages show times (web's Formats, which this module does not depend on). */
	private static final DateTimeFormatter STARTED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final AccountDirectory accounts;

	HealthController(HealthChecks checks, AccountDirectory accounts) {
		this.checks = checks;
		this.accounts = accounts;
	}

	@PostMapping("/config/accounts/{id}/check")
	String checkNow(@PathVariable long id, RedirectAttributes redirect) {
		CheckNowResult result = this.checks.checkNow(id);
		String name = this.accounts.find(id).map(a -> a.name()).orElse("");
		Flash.add(redirect, Flash.of(result.level(), result.messageKey(), name));
		return "redirect:/config/accounts/{id}";
	}

	@PostMapping("/config/accounts/checks")
	String checkAll(RedirectAttributes redirect) {
		CheckAllResult result = this.checks.checkAgencyNow();
		String down = names(result, false);
		String back = names(result, true);
		// a publisher in an outage answered again: that message says what starts, in place of the usual one
		if (!back.isEmpty()) {
			Flash.add(redirect, Flash.success(result.started() ? "health.checkAll.back" : "health.checkAll.backRunning",
					back, result.total()));
		}
		else if (result.started()) {
			Flash.add(redirect, Flash.success("health.checkAll.started", result.total()));
		}
		else {
			Flash.add(redirect, Flash.success("health.checkAll.running", result.startedBy(),
					STARTED_AT.format(result.startedAt()), result.checked(), result.total()));
		}
		if (!down.isEmpty()) {
			// what the publishers in an outage said when "Check all now" asked them at once
			Flash.add(redirect, Flash.warning("health.checkAll.stillDown", down,
					STARTED_AT.format(result.probes().get(0).at())));
		}
		return "redirect:/config/accounts";
	}

	private static String names(CheckAllResult result, boolean answered) {
		return result.probes().stream()
			.filter(p -> p.answered() == answered)
			.map(p -> p.publisher().displayName())
			.collect(Collectors.joining(", "));
	}

}
