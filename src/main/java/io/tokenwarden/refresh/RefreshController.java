package io.tokenwarden.refresh;

import io.tokenwarden.flash.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Refresh icon (a CSRF-protected POST that answers 302 to the consent page) and the publishers'
 * callbacks: Facebook's OAuth 2.0 one and X's OAuth 1.0a one.
 */
@Controller
class RefreshController {

	/** Where an owner's reconnect ends: the reconnect module's page, reading the {@link ReconnectOutcome} set here. */
	static final String OWNER_RESULT_PATH = "/reconnect/done";

	private final TokenRefresh refresh;

	private final RefreshCallback callback;

	private final XAuthorization x;

	RefreshController(TokenRefresh refresh, RefreshCallback callback, XAuthorization x) {
		this.refresh = refresh;
		this.callback = callback;
		this.x = x;
	}

	@PostMapping("/config/accounts/{id}/refresh")
	String start(@PathVariable long id, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		RefreshStart start = this.refresh.start(id, request, response);
		if (start.started()) {
			return "redirect:" + start.redirectUrl();
		}
		Flash.add(redirect, Flash.error(start.message(), start.arguments().toArray()));
		return "redirect:/config/accounts";
	}

	@PostMapping("/config/accounts/connect")
	String connect(@RequestParam(required = false) String publisher, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		RefreshStart start = this.refresh.connect(publisher, request, response);
		if (start.started()) {
			return "redirect:" + start.redirectUrl();
		}
		Flash.add(redirect, Flash.error(start.message(), start.arguments().toArray()));
		return "redirect:/config/accounts";
	}

	@GetMapping("/login/oauth2/code/{registrationId:facebook}")
	String callback(@PathVariable String registrationId, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		// the callback URL carries code and state: keep it out of the next page's Referer
		response.setHeader("Referrer-Policy", "no-referrer");
		return done(this.callback.complete(registrationId, request, response), redirect);
	}

	@GetMapping(XAuthorization.CALLBACK_PATH)
	String xCallback(HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		// the callback URL carries the request token and the verifier: keep them out of the next page's Referer
		response.setHeader("Referrer-Policy", "no-referrer");
		return done(this.x.finish(request), redirect);
	}

	private static String done(RefreshResult result, RedirectAttributes redirect) {
		if (result.owner()) {
			// an owner's reconnect: told on the owner's page, which opens nothing of the console
			redirect.addFlashAttribute(ReconnectOutcome.ATTRIBUTE, new ReconnectOutcome(told(result), result.gained(),
					result.lost()));
			return "redirect:" + OWNER_RESULT_PATH;
		}
		Flash.add(redirect, told(result));
		if (result.warning() != null) {
			Flash.add(redirect, Flash.warning(result.warning(), result.warningArguments().toArray()));
		}
		return result.accountId() == null ? "redirect:/config/accounts" : "redirect:/config/accounts/" + result.accountId();
	}

	private static Flash told(RefreshResult result) {
		return Flash.of(result.success(), result.message(), result.arguments().toArray());
	}

	@ExceptionHandler(BadCallbackException.class)
	ModelAndView badCallback(BadCallbackException ex, HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
		ModelAndView page = new ModelAndView("refresh/failed", HttpStatus.BAD_REQUEST);
		page.addObject("reason", ex.messageKey());
		return page;
	}

}
