package io.tokenwarden.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Map;

/** The imitation Graph API under {@value #BASE}: only the base URL differs from the real one. */
@RestController
@Profile("demo")
@RequestMapping(FacebookApiController.BASE)
class FacebookApiController {

	static final String BASE = "/sandbox/facebook/v25.0";

	private final FacebookTokens tokens;

	private final FacebookGraph graph;

	private final FacebookBatch batch;

	FacebookApiController(FacebookTokens tokens, FacebookGraph graph, FacebookBatch batch) {
		this.tokens = tokens;
		this.graph = graph;
		this.batch = batch;
	}

	@RequestMapping(path = "/oauth/access_token", method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<Object> accessToken(@RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return answer(this.tokens.accessToken(params, authorization));
	}

	@PostMapping({ "", "/" })
	ResponseEntity<Object> batch(@RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) {
		return answer(this.batch.run(params, AuthorizationHeader.bearer(authorization), baseUrl(request)));
	}

	/** A write to one object: a campaign's {@code status}, an ad set's {@code status} or {@code bid_amount}. */
	@PostMapping("/{node:[0-9]+}")
	ResponseEntity<Object> post(@RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) {
		return answer(this.graph.call(callOf("POST", params, authorization, request)));
	}

	@GetMapping("/**")
	ResponseEntity<Object> get(@RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) {
		return answer(this.graph.call(callOf("GET", params, authorization, request)));
	}

	@DeleteMapping("/**")
	ResponseEntity<Object> delete(@RequestParam Map<String, String> params,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) {
		return answer(this.graph.call(callOf("DELETE", params, authorization, request)));
	}

	private static ResponseEntity<Object> answer(GraphAnswer answer) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON);
		answer.headers().forEach(builder::header);
		return builder.body(answer.body());
	}

	private static GraphCall callOf(String method, Map<String, String> params, String authorization,
			HttpServletRequest request) {
		return new GraphCall(method, pathOf(request), params, AuthorizationHeader.bearer(authorization), baseUrl(request));
	}

	private static String pathOf(HttpServletRequest request) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		return uri.length() > BASE.length() ? uri.substring(BASE.length() + 1) : "";
	}

	private static String baseUrl(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).path(BASE).toUriString();
	}

}
