package io.tokenwarden.security;

import io.tokenwarden.flash.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account/sessions}: where one is signed in, and signing out any of those places. */
@Controller
class SessionsController {

	private static final String BACK = "redirect:/account/sessions";

	private final UserSessions sessions;

	SessionsController(UserSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/account/sessions")
	String list(Authentication signedIn, HttpServletRequest request, Model model) {
		model.addAttribute("sessions", this.sessions.of(signedIn.getName(), currentId(request)));
		return "account/sessions";
	}

	@PostMapping("/account/sessions/{handle}/end")
	String end(@PathVariable String handle, Authentication signedIn, HttpServletRequest request,
			RedirectAttributes redirect) {
		HttpSession current = request.getSession(false);
		if (current != null && UserSessions.handle(current.getId()).equals(handle)) {
			// this very session: signed out as the Sign out button does, so nothing of it is written back
			current.invalidate();
			SecurityContextHolder.clearContext();
			return "redirect:/login?logout";
		}
		if (!this.sessions.end(signedIn.getName(), handle)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such session");
		}
		Flash.add(redirect, Flash.success("sessions.ended"));
		return BACK;
	}

	@PostMapping("/account/sessions/others/end")
	String endOthers(Authentication signedIn, HttpServletRequest request, RedirectAttributes redirect) {
		int ended = this.sessions.endOthers(signedIn.getName(), currentId(request));
		Flash.add(redirect, Flash.success("sessions.endedOthers", ended));
		return BACK;
	}

	private static String currentId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : session.getId();
	}

}
