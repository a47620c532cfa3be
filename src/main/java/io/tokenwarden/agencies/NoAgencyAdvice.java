package io.tokenwarden.agencies;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A signed-in person who belongs to no agency (never invited, or just removed from their last one)
 * gets a page that says so instead of the generic 403; an installation admin is pointed to the agencies.
 */
@ControllerAdvice
class NoAgencyAdvice {

	private final CurrentAgency currentAgency;

	NoAgencyAdvice(CurrentAgency currentAgency) {
		this.currentAgency = currentAgency;
	}

	@ExceptionHandler(NoAgencyException.class)
	ModelAndView noAgency() {
		ModelAndView page = new ModelAndView("agencies/none", HttpStatus.FORBIDDEN);
		page.addObject("signedIn", this.currentAgency.signedIn().orElse(null));
		return page;
	}

}
