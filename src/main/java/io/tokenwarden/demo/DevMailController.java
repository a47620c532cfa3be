package io.tokenwarden.demo;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/mail}: what the demo's mail catcher received, for demo admins, each seeing only the mail
 * about accounts linked to agencies they administer and the mail addressed to them. Does not exist
 * outside the demo.
 */
@Controller
@Profile("demo")
class DevMailController {

	private final ObjectProvider<MailCatcher> catcher;

	private final CurrentAgency currentAgency;

	private final DevMailScope scope;

	DevMailController(ObjectProvider<MailCatcher> catcher, CurrentAgency currentAgency, DevMailScope scope) {
		this.catcher = catcher;
		this.currentAgency = currentAgency;
		this.scope = scope;
	}

	@GetMapping("/dev/mail")
	String mail(Model model) {
		MailCatcher mailCatcher = this.catcher.getIfAvailable();
		if (mailCatcher == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		AgencyContext context = this.currentAgency.get();
		if (context.memberships().stream().noneMatch(m -> m.role().canChangeTokens())) {
			throw new AccessDeniedException("captured mail is for agency admins");
		}
		model.addAttribute("mails", this.scope.visibleTo(context.userEmail(), mailCatcher.messages()));
		return "demo/dev-mail";
	}

}
