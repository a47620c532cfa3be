package io.tokenwarden.agencies;

import io.tokenwarden.flash.Flash;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency switcher in the header. */
@Controller
class AgencyController {

	private final CurrentAgency currentAgency;

	AgencyController(CurrentAgency currentAgency) {
		this.currentAgency = currentAgency;
	}

	@PostMapping("/agency")
	String switchAgency(@RequestParam long agencyId, RedirectAttributes redirect) {
		if (!this.currentAgency.switchTo(agencyId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Flash.add(redirect, Flash.success("agency.switched", this.currentAgency.get().agencyName()));
		return "redirect:/config/accounts";
	}

}
