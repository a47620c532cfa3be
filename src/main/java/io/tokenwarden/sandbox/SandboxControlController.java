package io.tokenwarden.sandbox;

import io.tokenwarden.flash.Flash;
import io.tokenwarden.publishers.Publisher;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.Optional;

/** The sandbox control page: who exists at the imitation publishers, and the ways to break them. */
@Controller
@Profile("demo")
@RequestMapping("/sandbox")
class SandboxControlController {

	private static final String BACK = "redirect:/sandbox";

	private final SandboxControl control;

	SandboxControlController(SandboxControl control) {
		this.control = control;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("sandbox", this.control.overview());
		model.addAttribute("modes", PublisherMode.values());
		return "sandbox/control";
	}

	@PostMapping("/users/{id}/password")
	String changePassword(@PathVariable long id, RedirectAttributes redirect) {
		return done(this.control.changePassword(id), "sandbox.control.done.password", redirect);
	}

	@PostMapping("/users/{id}/expire")
	String expire(@PathVariable long id, RedirectAttributes redirect) {
		return done(this.control.expireTokens(id), "sandbox.control.done.expire", redirect);
	}

	@PostMapping("/users/{id}/funding")
	String funding(@PathVariable long id, @RequestParam boolean valid, RedirectAttributes redirect) {
		return done(this.control.setFunding(id, valid),
				valid ? "sandbox.control.done.fundingRestored" : "sandbox.control.done.fundingInvalid", redirect);
	}

	@PostMapping("/users/{id}/remove-app")
	String removeApp(@PathVariable long id, RedirectAttributes redirect) {
		return done(this.control.removeApp(id), "sandbox.control.done.removeApp", redirect);
	}

	@PostMapping("/publishers/{publisher}/mode")
	String mode(@PathVariable String publisher, @RequestParam String mode, RedirectAttributes redirect) {
		Optional<Publisher> target = parse(Publisher.values(), publisher);
		Optional<PublisherMode> newMode = parse(PublisherMode.values(), mode);
		if (target.isEmpty() || newMode.isEmpty()) {
			Flash.add(redirect, Flash.error("sandbox.control.error.mode"));
			return BACK;
		}
		this.control.setMode(target.get(), newMode.get());
		Flash.add(redirect, Flash.success("sandbox.control.done.mode." + newMode.get().name(),
				target.get().displayName()));
		return BACK;
	}

	private static String done(Optional<SandboxUser> user, String message, RedirectAttributes redirect) {
		SandboxUser touched = user.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Flash.add(redirect, Flash.success(message, touched.name()));
		return BACK;
	}

	private static <E extends Enum<E>> Optional<E> parse(E[] values, String name) {
		return Arrays.stream(values).filter(value -> value.name().equals(name)).findFirst();
	}

}
