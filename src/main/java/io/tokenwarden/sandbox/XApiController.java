package io.tokenwarden.sandbox;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The imitation X API under {@value #BASE}: {@code /2/users/me}, token and revoke. */
@RestController
@Profile("demo")
@RequestMapping(XApiController.BASE)
class XApiController {

	static final String BASE = "/sandbox/x";

	private final XApi api;

	XApiController(XApi api) {
		this.api = api;
	}

	@GetMapping("/2/users/me")
	ResponseEntity<Object> me(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.api.me(authorization);
	}

	@PostMapping("/2/oauth2/token")
	ResponseEntity<Object> token(@RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.api.token(params, authorization);
	}

	@PostMapping("/2/oauth2/revoke")
	ResponseEntity<Object> revoke(@RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return this.api.revoke(params, authorization);
	}

}
