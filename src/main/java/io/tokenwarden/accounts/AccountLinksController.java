package io.tokenwarden.accounts;

import io.tokenwarden.flash.Flash;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Link to agency…", the Unlink confirmation (works without JavaScript) and the owner's email. */
@Controller
class AccountLinksController {

	private final AccountLinks links;

	private final OwnerEmails owners;

	AccountLinksController(AccountLinks links, OwnerEmails owners) {
		this.links = links;
		this.owners = owners;
	}

	@PostMapping("/config/accounts/{id}/links")
	String link(@PathVariable long id, @RequestParam(required = false) Long agencyId, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (agencyId == null) {
			this.links.unlinkConfirmation(id); // access first: a form without an agency from a viewer is still a 403
			Flash.add(redirect, Flash.error("accounts.link.choose"));
			return "redirect:/config/accounts/{id}";
		}
		AccountLinks.LinkOutcome outcome = this.links.link(id, agencyId, request.getRemoteAddr());
		Flash.add(redirect, Flash.success(outcome.changed() ? "accounts.link.done" : "accounts.link.already",
				outcome.accountName(), outcome.agencyName()));
		return "redirect:/config/accounts/{id}";
	}

	@GetMapping("/config/accounts/{id}/unlink")
	String confirmUnlink(@PathVariable long id, Model model) {
		model.addAttribute("unlink", this.links.unlinkConfirmation(id));
		return "accounts/unlink";
	}

	@PostMapping("/config/accounts/{id}/unlink")
	String unlink(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		AccountLinks.LinkOutcome outcome = this.links.unlink(id, request.getRemoteAddr());
		if (!outcome.changed()) {
			Flash.add(redirect, Flash.error("accounts.unlink.notLinked", outcome.accountName(), outcome.agencyName()));
		}
		else {
			Flash.add(redirect, Flash.success(outcome.lastLink() ? "accounts.unlink.doneLast" : "accounts.unlink.done",
					outcome.accountName(), outcome.agencyName()));
		}
		return "redirect:/config/accounts";
	}

	@PostMapping("/config/accounts/{id}/owner")
	String changeOwner(@PathVariable long id, @RequestParam(required = false) String ownerEmail,
			HttpServletRequest request, RedirectAttributes redirect) {
		OwnerEmails.OwnerChange change = this.owners.change(id, ownerEmail, request.getRemoteAddr());
		if (change.refused()) {
			Flash.add(redirect, Flash.error(change.refusal(), OwnerEmails.MAX_LENGTH));
		}
		else {
			Flash.add(redirect, Flash.success("owner.changed", change.accountName(), change.ownerEmail()));
		}
		return "redirect:/config/accounts/{id}";
	}

}
