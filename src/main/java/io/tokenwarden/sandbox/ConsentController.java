package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/** The publishers' consent dialogs: Facebook's {@code dialog/oauth} and X's OAuth 1.0a {@code oauth/authorize}. */
@Controller
@Profile("demo")
class ConsentController {

	static final String FACEBOOK_DIALOG = "/sandbox/facebook/dialog/oauth";

	static final String X_AUTHORIZE = "/sandbox/x/oauth/authorize";

	private final Consents consents;

	ConsentController(Consents consents) {
		this.consents = consents;
	}

	@GetMapping(FACEBOOK_DIALOG)
	String facebook(@RequestParam Map<String, String> params, Model model) {
		return show(Publisher.FACEBOOK, params, model);
	}

	@PostMapping(FACEBOOK_DIALOG)
	ResponseEntity<Void> facebookDecision(@RequestParam Map<String, String> params) {
		return decide(Publisher.FACEBOOK, params);
	}

	@GetMapping(X_AUTHORIZE)
	String x(@RequestParam Map<String, String> params, Model model) {
		return show(Publisher.X, params, model);
	}

	@PostMapping(X_AUTHORIZE)
	ResponseEntity<Void> xDecision(@RequestParam Map<String, String> params) {
		return decide(Publisher.X, params);
	}

	@ExceptionHandler(ConsentRejected.class)
	ModelAndView rejected(ConsentRejected rejected) {
		return new ModelAndView("sandbox/consent-error",
				Map.of("publisher", rejected.publisher(), "reason", rejected.reason()), HttpStatus.BAD_REQUEST);
	}

	private String show(Publisher publisher, Map<String, String> params, Model model) {
		model.addAttribute("page", this.consents.prepare(ConsentRequest.of(publisher, params)));
		return "sandbox/consent";
	}

	private ResponseEntity<Void> decide(Publisher publisher, Map<String, String> params) {
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(this.consents.decide(ConsentRequest.of(publisher, params), params.get("sandbox_decision"),
					params.get("sandbox_user"), params.get("sandbox_level")))
			.build();
	}

}
