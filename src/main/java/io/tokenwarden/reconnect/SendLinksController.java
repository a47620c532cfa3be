package io.tokenwarden.reconnect;

import io.tokenwarden.flash.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' "Send reconnect link" on an account, and the same for every owner of an expired account. */
@Controller
class SendLinksController {

	private final OwnerReconnect reconnect;

	SendLinksController(OwnerReconnect reconnect) {
		this.reconnect = reconnect;
	}

	@PostMapping("/config/accounts/{id}/reconnect-link")
	String sendLink(@PathVariable long id, RedirectAttributes redirect) {
		String owner = this.reconnect.sendLink(id);
		Flash.add(redirect, Flash.success("reconnect.sent", owner));
		return "redirect:/config/accounts/" + id;
	}

	@PostMapping("/config/accounts/reconnect-links")
	String sendToEveryOwner(RedirectAttributes redirect) {
		LinksQueued queued = this.reconnect.sendToEveryOwner();
		Flash.add(redirect, Flash.success(queued.accounts() == 0 ? "reconnect.sentAll.none" : "reconnect.sentAll",
				queued.emails(), queued.accounts()));
		return "redirect:/config/accounts";
	}

}
