package io.tokenwarden.notifications;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** {@code /dev/mail}: what the demo's mail catcher received. Does not exist outside the demo. */
@Controller
@Profile("demo")
class DevMailController {

	private final ObjectProvider<MailCatcher> catcher;

	DevMailController(ObjectProvider<MailCatcher> catcher) {
		this.catcher = catcher;
	}

	@GetMapping("/dev/mail")
	String mail(Model model) {
		MailCatcher mailCatcher = this.catcher.getIfAvailable();
		if (mailCatcher == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("mails", mailCatcher.messages());
		return "notifications/dev-mail";
	}

}
