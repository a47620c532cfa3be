package io.tokenwarden.invalidation;

import io.tokenwarden.flash.Flash;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;


/** The Invalidate Token confirmation (works without JavaScript) and the action itself. */
@Controller
class InvalidationController {

	static final int NOTE_MAX = 500;

	private final TokenInvalidation invalidation;

	InvalidationController(TokenInvalidation invalidation) {
		this.invalidation = invalidation;
	}

	@GetMapping("/config/accounts/{id}/invalidate")
	String confirm(@PathVariable long id, Model model) {
		model.addAttribute("account", this.invalidation.confirmation(id));
		model.addAttribute("reasons", InvalidationReason.chosenByAdmins());
		return "invalidation/confirm";
	}

	@PostMapping("/config/accounts/{id}/invalidate")
	String invalidate(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
		InvalidationReason parsed = InvalidationReason.chosenByAdmins().stream()
			.filter(r -> r.name().equals(reason))
			.findFirst()
			.orElse(null);
		String trimmedNote = StringUtils.hasText(note) ? note.strip() : null;
		if (parsed == null || (parsed == InvalidationReason.OTHER && trimmedNote == null)
				|| (trimmedNote != null && trimmedNote.length() > NOTE_MAX)) {
			// checks access first, so a bad form from a non-admin is still a 403/404
			this.invalidation.confirmation(id);
			Flash.add(redirect, Flash.error(parsed == null ? "invalidate.reasonRequired"
					: trimmedNote == null ? "invalidate.noteRequired" : "invalidate.noteTooLong"));
			return "redirect:/config/accounts/{id}/invalidate";
		}
		InvalidationOutcome outcome = this.invalidation.invalidate(id, parsed, trimmedNote, request.getRemoteAddr());
		if (outcome.alreadyInvalidated()) {
			Flash.add(redirect, Flash.error("invalidate.already", outcome.accountName()));
		}
		else {
			Flash.add(redirect, Flash.success("invalidate.done", outcome.accountName()));
		}
		return "redirect:/config/accounts";
	}

}
