package io.tokenwarden.members;

import io.tokenwarden.agencies.CurrentAgency;
import io.tokenwarden.agencies.Person;
import io.tokenwarden.agencies.SignedIn;
import io.tokenwarden.flash.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Optional;

/** Forgot password (from the login page), the reset link's page, and changing one's own password. */
@Controller
class PasswordController {

	private final Passwords passwords;

	private final CurrentAgency currentAgency;

	PasswordController(Passwords passwords, CurrentAgency currentAgency) {
		this.passwords = passwords;
		this.currentAgency = currentAgency;
	}

	@GetMapping("/password/forgot")
	String forgot() {
		return "members/forgot";
	}

	@PostMapping("/password/forgot")
	String requestReset(@RequestParam(required = false) String email, HttpServletRequest request,
			RedirectAttributes redirect) {
		this.passwords.requestReset(email, request.getRemoteAddr());
		// the same answer for every address, known or not
		Flash.add(redirect, Flash.success("password.forgot.sent"));
		return "redirect:/password/forgot";
	}

	@GetMapping("/password/reset/{token}")
	String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
		InvitationController.noReferrer(response);
		Optional<Person> person = this.passwords.resetFor(token);
		if (person.isEmpty()) {
			return invalid(model, response);
		}
		model.addAttribute("email", person.get().email());
		return "members/reset";
	}

	@PostMapping("/password/reset/{token}")
	String reset(@PathVariable String token, @RequestParam(required = false) String password, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		InvitationController.noReferrer(response);
		Optional<Passwords.PasswordResult> result = this.passwords.reset(token, password, request);
		if (result.isEmpty()) {
			return invalid(model, response);
		}
		if (!result.get().done()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			Flash.show(model,
					Flash.error(result.get().message(), PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
			this.passwords.resetFor(token).ifPresent(p -> model.addAttribute("email", p.email()));
			return "members/reset";
		}
		Flash.add(redirect, Flash.success(result.get().message()));
		return "redirect:/login";
	}

	@GetMapping("/account/password")
	String changeForm() {
		signedIn();
		return "members/change-password";
	}

	@PostMapping("/account/password")
	String change(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Passwords.PasswordResult result = this.passwords.change(signedIn().email(), currentPassword, newPassword, request);
		if (!result.done()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			Flash.show(model, Flash.error(result.message(), PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
			return "members/change-password";
		}
		Flash.add(redirect, Flash.success(result.message()));
		return "redirect:/account/password";
	}

	private SignedIn signedIn() {
		return this.currentAgency.signedIn().orElseThrow(() -> new AccessDeniedException("sign in first"));
	}

	private static String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("purpose", "reset");
		return "members/link-invalid";
	}

}
