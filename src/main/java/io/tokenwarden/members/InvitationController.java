package io.tokenwarden.members;

import io.tokenwarden.flash.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Optional;

/** The page an invitation email links to (no sign-in needed: the token is the credential). */
@Controller
class InvitationController {

	private final Acceptance acceptance;

	InvitationController(Acceptance acceptance) {
		this.acceptance = acceptance;
	}

	@GetMapping("/invitations/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		noReferrer(response);
		Optional<Acceptance.View> view = this.acceptance.view(token);
		if (view.isEmpty()) {
			return invalid(model, response);
		}
		model.addAttribute("view", view.get());
		return "members/invitation";
	}

	@PostMapping("/invitations/{token}")
	String accept(@PathVariable String token, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String password, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		noReferrer(response);
		Acceptance.AcceptanceOutcome outcome = this.acceptance.accept(token, displayName, password, request, response);
		if (outcome.invalid()) {
			return invalid(model, response);
		}
		if (!outcome.accepted()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("view", outcome.view());
			Flash.show(model, Flash.error(outcome.error(), PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
			model.addAttribute("displayName", displayName);
			return "members/invitation";
		}
		Flash.add(redirect, Flash.success("invitation.accepted", outcome.agencyName()));
		return "redirect:/config/accounts";
	}

	/** The page's address holds the token: it must not travel on as a Referer, not even to this site. */
	static void noReferrer(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	/** One page for a link that is unknown, used, revoked or expired: which of them is nobody's business. */
	static String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("purpose", "invitation");
		return "members/link-invalid";
	}

}
