package io.tokenwarden.accounts;

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
			redirect.addFlashAttribute("error", "accounts.link.choose");
			return "redirect:/config/accounts/{id}";
		}
		AccountLinks.Outcome outcome = this.links.link(id, agencyId, request.getRemoteAddr());
		redirect.addFlashAttribute("message", outcome.changed() ? "accounts.link.done" : "accounts.link.already");
		redirect.addFlashAttribute("messageArguments", new Object[] { outcome.accountName(), outcome.agencyName() });
		return "redirect:/config/accounts/{id}";
	}

	@GetMapping("/config/accounts/{id}/unlink")
	String confirmUnlink(@PathVariable long id, Model model) {
		model.addAttribute("unlink", this.links.unlinkConfirmation(id));
		return "accounts/unlink";
	}

	@PostMapping("/config/accounts/{id}/unlink")
	String unlink(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		AccountLinks.Outcome outcome = this.links.unlink(id, request.getRemoteAddr());
		if (!outcome.changed()) {
			redirect.addFlashAttribute("error", "accounts.unlink.notLinked");
			redirect.addFlashAttribute("errorArguments", new Object[] { outcome.accountName(), outcome.agencyName() });
		}
		else {
			redirect.addFlashAttribute("message", outcome.lastLink() ? "accounts.unlink.doneLast" : "accounts.unlink.done");
			redirect.addFlashAttribute("messageArguments", new Object[] { outcome.accountName(), outcome.agencyName() });
		}
		return "redirect:/config/accounts";
	}

	@PostMapping("/config/accounts/{id}/owner")
	String changeOwner(@PathVariable long id, @RequestParam(required = false) String ownerEmail,
			HttpServletRequest request, RedirectAttributes redirect) {
		OwnerEmails.Change change = this.owners.change(id, ownerEmail, request.getRemoteAddr());
		if (change.refused()) {
			redirect.addFlashAttribute("error", change.refusal());
			redirect.addFlashAttribute("errorArguments", new Object[] { OwnerEmails.MAX_LENGTH });
		}
		else {
			redirect.addFlashAttribute("message", "owner.changed");
			redirect.addFlashAttribute("messageArguments", new Object[] { change.accountName(), change.ownerEmail() });
		}
		return "redirect:/config/accounts/{id}";
	}

}
