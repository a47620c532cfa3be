package io.tokenwarden.web;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import io.tokenwarden.agencies.SignedIn;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page what the layout's header needs: the person, their agency, the switcher and their menu. */
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

	/** The signed-in person, also when they belong to no agency (their account menu, Admin). */
	@ModelAttribute("signedIn")
	SignedIn signedIn() {
		return this.currentAgency.signedIn().orElse(null);
	}

}
