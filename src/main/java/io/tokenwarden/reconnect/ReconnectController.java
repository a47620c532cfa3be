package io.tokenwarden.reconnect;

import io.tokenwarden.flash.Flash;
import io.tokenwarden.linktokens.LinkTokens;
import io.tokenwarden.refresh.ReconnectOutcome;
import io.tokenwarden.refresh.RefreshStart;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Optional;

/**
 * The owner's pages, without a login: the link's page with its one button, the start of the consent, and
 * the page the consent ends on. A spent, expired or unknown link gets one page for all three. Nothing here
 * signs anyone in, and every page keeps its address (which holds the link) out of the Referer.
 */
@Controller
class ReconnectController {

	private final OwnerReconnect reconnect;

	private final ReconnectThrottle throttle;

	ReconnectController(OwnerReconnect reconnect, ReconnectThrottle throttle) {
		this.reconnect = reconnect;
		this.throttle = throttle;
	}

	@ModelAttribute
	void privateHeaders(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex");
	}

	@GetMapping("/reconnect/{token}")
	String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!this.throttle.tryAttempt(LinkTokens.reference(token), request.getRemoteAddr())) {
			return tooMany(response);
		}
		Optional<ReconnectView> view = this.reconnect.view(token);
		if (view.isEmpty()) {
			return invalid(response);
		}
		model.addAttribute("view", view.get());
		model.addAttribute("token", token);
		return "reconnect/page";
	}

	@PostMapping("/reconnect/{token}")
	String start(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!this.throttle.tryAttempt(LinkTokens.reference(token), request.getRemoteAddr())) {
			return tooMany(response);
		}
		Optional<RefreshStart> start = this.reconnect.start(token, request, response);
		if (start.isEmpty()) {
			return invalid(response);
		}
		if (start.get().started()) {
			return "redirect:" + start.get().redirectUrl();
		}
		// the publisher's app is not configured, or it refused to start: the page again, saying so
		model.addAttribute("view", this.reconnect.view(token).orElseThrow());
		model.addAttribute("token", token);
		Flash.show(model, Flash.error(start.get().message(), start.get().arguments().toArray()));
		return "reconnect/page";
	}

	/** Where the publisher's callback ends an owner's reconnect; without its outcome, the invalid link page. */
	@GetMapping("/reconnect/done")
	String done(Model model, HttpServletResponse response) {
		if (!(model.getAttribute(ReconnectOutcome.ATTRIBUTE) instanceof ReconnectOutcome outcome)
				|| "reconnect.linkInvalid".equals(outcome.told().message())) {
			return invalid(response);
		}
		return "reconnect/done";
	}

	private static String invalid(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "reconnect/invalid";
	}

	private static String tooMany(HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		return "reconnect/too-many";
	}

}
