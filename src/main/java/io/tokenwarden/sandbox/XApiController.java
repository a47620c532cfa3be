package io.tokenwarden.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The imitation X API under {@value #BASE}: OAuth 1.0a's request and access tokens, {@code /2/users/me}
 * and {@code /1.1/oauth/invalidate_token}. The consent page ({@code /oauth/authorize}) is {@link ConsentController}'s.
 */
@RestController
@Profile("demo")
@RequestMapping(XApiController.BASE)
class XApiController {

	static final String BASE = "/sandbox/x";

	private final SandboxXApi api;

	XApiController(SandboxXApi api) {
		this.api = api;
	}

	@GetMapping("/2/users/me")
	ResponseEntity<Object> me(HttpServletRequest request) {
		return this.api.me(request);
	}

	@PostMapping("/oauth/request_token")
	ResponseEntity<Object> requestToken(HttpServletRequest request) {
		return this.api.requestToken(request);
	}

	@PostMapping("/oauth/access_token")
	ResponseEntity<Object> accessToken(HttpServletRequest request) {
		return this.api.accessToken(request);
	}

	@PostMapping("/1.1/oauth/invalidate_token")
	ResponseEntity<Object> invalidateToken(HttpServletRequest request) {
		return this.api.invalidateToken(request);
	}

}
