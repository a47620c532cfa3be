package io.tokenwarden.sandbox;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the console layout to show its "Sandbox" link; exists only in the demo, so the link does too. */
@ControllerAdvice
@Profile("demo")
class SandboxLayoutAdvice {

	@ModelAttribute("sandboxEnabled")
	boolean sandboxEnabled() {
		return true;
	}

}
