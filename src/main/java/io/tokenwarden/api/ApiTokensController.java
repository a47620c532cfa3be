package io.tokenwarden.api;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.flash.Flash;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/api-tokens}: one's personal API tokens, making one (whose plaintext this one answer
 * shows, not a redirect: a flash attribute would put it in the session table), and revoking one.
 */
@Controller
class ApiTokensController {

	private static final String PAGE = "account/api-tokens";

	private final ApiTokens tokens;

	private final AgencyDirectory agencies;

	ApiTokensController(ApiTokens tokens, AgencyDirectory agencies) {
		this.tokens = tokens;
		this.agencies = agencies;
	}

	@GetMapping("/account/api-tokens")
	String list(Authentication signedIn, Model model) {
		return page(signedIn.getName(), model);
	}

	@PostMapping("/account/api-tokens")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) Long agencyId,
			Authentication signedIn, HttpServletResponse response, Model model) {
		ApiTokens.Created created = this.tokens.create(signedIn.getName(), agencyId == null ? -1 : agencyId, name);
		if (!created.ok()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			Flash.show(model, Flash.error("apiTokens.refused." + created.refusal().name(), ApiTokens.MAX_NAME));
			model.addAttribute("name", name);
			return page(signedIn.getName(), model);
		}
		// the plaintext is in this answer only: no cache may keep it
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("created", created.token());
		model.addAttribute("plaintext", created.plaintext());
		return page(signedIn.getName(), model);
	}

	@PostMapping("/account/api-tokens/{id}/revoke")
	String revoke(@PathVariable long id, Authentication signedIn, RedirectAttributes redirect) {
		boolean revoked = this.tokens.revoke(signedIn.getName(), id);
		if (!revoked && this.tokens.of(signedIn.getName()).stream().noneMatch(t -> t.id() == id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such token");
		}
		Flash.add(redirect, Flash.success("apiTokens.revoked"));
		return "redirect:/account/api-tokens";
	}

	private String page(String email, Model model) {
		model.addAttribute("tokens", this.tokens.of(email));
		model.addAttribute("memberships", this.agencies.membershipsOf(email));
		return PAGE;
	}

}
