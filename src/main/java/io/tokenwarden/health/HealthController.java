package io.tokenwarden.health;

import io.tokenwarden.accounts.AccountDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Check now" on one account and "Check all now" for the current agency. */
@Controller
class HealthController {

	private final HealthChecks checks;

	private final AccountDirectory accounts;

	HealthController(HealthChecks checks, AccountDirectory accounts) {
		this.checks = checks;
		this.accounts = accounts;
	}

	@PostMapping("/config/accounts/{id}/check")
	String checkNow(@PathVariable long id, RedirectAttributes redirect) {
		var outcome = this.checks.checkNow(id);
		String name = this.accounts.find(id).map(a -> a.name()).orElse("");
		redirect.addFlashAttribute(outcome.map(o -> o == CheckOutcome.VALID).orElse(true) ? "message" : "error",
				outcome.map(o -> "health.checked." + o.name()).orElse("health.checked.busy"));
		redirect.addFlashAttribute(outcome.map(o -> o == CheckOutcome.VALID).orElse(true) ? "messageArgument" : "errorArgument", name);
		return "redirect:/config/accounts/{id}";
	}

	@PostMapping("/config/accounts/checks")
	String checkAll(RedirectAttributes redirect) {
		int total = this.checks.checkAgencyNow();
		redirect.addFlashAttribute("message", "health.checkAll.started");
		redirect.addFlashAttribute("messageArgument", total);
		return "redirect:/config/accounts";
	}

}
