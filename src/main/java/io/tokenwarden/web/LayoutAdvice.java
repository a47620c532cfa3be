package io.tokenwarden.web;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page what the layout's header needs: the person, their agency and the switcher. */
@ControllerAdvice
class LayoutAdvice {

	private final CurrentAgency currentAgency;

	LayoutAdvice(CurrentAgency currentAgency) {
		this.currentAgency = currentAgency;
	}

	@ModelAttribute("agencyContext")
	AgencyContext agencyContext() {
		return this.currentAgency.find().orElse(null);
	}

}
