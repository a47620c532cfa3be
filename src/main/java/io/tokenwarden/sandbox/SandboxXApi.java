package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenKind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * X's OAuth 1.0a endpoints and {@code /2/users/me}, every call signed (see {@link XSignatures}): request
 * token, access token, invalidate token. Tokens do not expire; revoking the app, changing the password or
 * invalidating the token ends them, and X then answers code 89.
 */
@Component
@Profile("demo")
class SandboxXApi {

	static final MediaType PROBLEM = MediaType.parseMediaType("application/problem+json");

	private final SandboxAuthority authority;

	private final SandboxDirectory directory;

	private final XRequestTokens requestTokens;

	private final Clock clock;

	SandboxXApi(SandboxAuthority authority, SandboxDirectory directory, XRequestTokens requestTokens, Clock clock) {
		this.authority = authority;
		this.directory = directory;
		this.requestTokens = requestTokens;
		this.clock = clock;
	}

	/** {@code GET /2/users/me}, signed with the user's token. */
	ResponseEntity<Object> me(HttpServletRequest request) {
		XSignatures.Verification signed = XSignatures.verify(request, this.clock, this.authority::tokenSecret);
		if (!signed.ok()) {
			return refused(signed);
		}
		TokenState state = this.authority.lookup(Publisher.X, signed.signed().token());
		if (!state.valid() || state.kind() != TokenKind.ACCESS) {
			return invalidToken();
		}
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", state.user().externalId());
		user.put("name", state.user().name());
		user.put("username", state.user().username());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("data", user));
	}

	/**
	 * {@code POST /oauth/request_token}, signed with the consumer secret alone; the callback must be on this
	 * machine, as a registered callback URL must match.
	 */
	ResponseEntity<Object> requestToken(HttpServletRequest request) {
		XSignatures.Verification signed = XSignatures.verify(request, this.clock, token -> Optional.empty());
		if (!signed.ok() || signed.signed().token() != null) {
			return notAuthenticated();
		}
		String callback = signed.signed().parameter("oauth_callback");
		if (!Consents.isLocal(callback)) {
			return error(HttpStatus.FORBIDDEN, 415, "Callback URL not approved for this client application.");
		}
		XRequestTokens.Issued issued = this.requestTokens.issue(callback);
		return form(Map.of("oauth_token", issued.token(), "oauth_token_secret", issued.secret(),
				"oauth_callback_confirmed", "true"));
	}

	/**
	 * {@code POST /oauth/access_token}, signed with the request token and its secret, with the verifier the
	 * consent gave: once per request token. Answers the user's new token, its secret, id and screen name.
	 */
	ResponseEntity<Object> accessToken(HttpServletRequest request) {
		XSignatures.Verification signed = XSignatures.verify(request, this.clock, this.requestTokens::secret);
		if (!signed.ok()) {
			return refused(signed);
		}
		String verifier = signed.signed().parameter("oauth_verifier");
		if (verifier == null) {
			verifier = request.getParameter("oauth_verifier");
		}
		Optional<SandboxUser> user = this.requestTokens.redeem(signed.signed().token(), verifier)
			.flatMap(this.directory::findUser);
		if (user.isEmpty()) {
			return error(HttpStatus.UNAUTHORIZED, 89, "Invalid or expired token.");
		}
		long grant = this.authority.createGrant(user.get().id(), AccessLevel.ADMIN, "");
		String token = user.get().externalId() + "-" + SandboxSecrets.newValue("");
		String secret = SandboxSecrets.newValue("");
		this.authority.registerToken(grant, TokenKind.ACCESS, token, secret, null, null);
		return form(Map.of("oauth_token", token, "oauth_token_secret", secret, "user_id", user.get().externalId(),
				"screen_name", user.get().username()));
	}

	/** {@code POST /1.1/oauth/invalidate_token}, signed with the token it ends: its grant is revoked. */
	ResponseEntity<Object> invalidateToken(HttpServletRequest request) {
		XSignatures.Verification signed = XSignatures.verify(request, this.clock, this.authority::tokenSecret);
		if (!signed.ok()) {
			return refused(signed);
		}
		TokenState state = this.authority.lookup(Publisher.X, signed.signed().token());
		if (!state.valid()) {
			return invalidToken();
		}
		this.authority.revokeGrant(state.grantId(), SandboxAuthority.BY_APP);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("access_token", signed.signed().token()));
	}

	/** X's refusal of a request it could not verify: code 32, or 89 for a token it never issued. */
	static ResponseEntity<Object> refused(XSignatures.Verification verification) {
		return verification.errorCode() == 89 ? invalidToken() : notAuthenticated();
	}

	/** X's answer to a request it could not authenticate: Bearer, unknown consumer, stale or wrong signature. */
	static ResponseEntity<Object> notAuthenticated() {
		return error(HttpStatus.UNAUTHORIZED, 32, "Could not authenticate you.");
	}

	static ResponseEntity<Object> invalidToken() {
		return error(HttpStatus.UNAUTHORIZED, 89, "Invalid or expired token.");
	}

	static Map<String, Object> problem(String title, int status, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("type", "about:blank");
		body.put("status", status);
		body.put("detail", detail);
		return body;
	}

	private static ResponseEntity<Object> error(HttpStatus status, int code, String message) {
		// X's own field order: code, then message
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("message", message);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(error)));
	}

	// X answers the token endpoints form-encoded
	private static ResponseEntity<Object> form(Map<String, String> pairs) {
		StringJoiner body = new StringJoiner("&");
		pairs.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body.toString());
	}

}
