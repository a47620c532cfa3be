package io.tokenwarden.health;

import io.tokenwarden.accounts.AccountDirectory;
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
		redirect.addFlashAttribute(result.level(), result.messageKey());
		redirect.addFlashAttribute(result.level() + "Arguments", new Object[] { name });
		return "redirect:/config/accounts/{id}";
	}

	@PostMapping("/config/accounts/checks")
	String checkAll(RedirectAttributes redirect) {
		CheckAllResult result = this.checks.checkAgencyNow();
		if (result.started()) {
			redirect.addFlashAttribute("message", "health.checkAll.started");
			redirect.addFlashAttribute("messageArgument", result.total());
		}
		else {
			redirect.addFlashAttribute("message", "health.checkAll.running");
			redirect.addFlashAttribute("messageArguments", new Object[] { result.startedBy(),
					STARTED_AT.format(result.startedAt()), result.checked(), result.total() });
		}
		probes(result, redirect);
		return "redirect:/config/accounts";
	}

	/** What the publishers in an outage said when "Check all now" asked them at once. */
	private static void probes(CheckAllResult result, RedirectAttributes redirect) {
		String down = names(result, false);
		String back = names(result, true);
		if (!down.isEmpty()) {
			redirect.addFlashAttribute("warning", "health.checkAll.stillDown");
			redirect.addFlashAttribute("warningArguments",
					new Object[] { down, STARTED_AT.format(result.probes().get(0).at()) });
		}
		if (!back.isEmpty()) {
			redirect.addFlashAttribute("message", result.started() ? "health.checkAll.back" : "health.checkAll.backRunning");
			redirect.addFlashAttribute("messageArguments", new Object[] { back, result.total() });
		}
	}

	private static String names(CheckAllResult result, boolean answered) {
		return result.probes().stream()
			.filter(p -> p.answered() == answered)
			.map(p -> p.publisher().displayName())
			.collect(Collectors.joining(", "));
	}

}
