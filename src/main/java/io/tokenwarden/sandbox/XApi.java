package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.sandbox.TokenState.Problem;
import io.tokenwarden.tokens.TokenKind;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * X's OAuth 2.0 endpoints and {@code /2/users/me}. Access tokens live two hours; refresh tokens
 * rotate and work once; the client is confidential and authenticates with HTTP Basic.
 */
@Component
@Profile("demo")
class XApi {

	static final Duration ACCESS_LIFETIME = Duration.ofHours(2);

	static final Duration REFRESH_LIFETIME = Duration.ofDays(180);

	static final MediaType PROBLEM = MediaType.parseMediaType("application/problem+json");

	private static final String INVALID_TOKEN = "Value passed for the token was invalid.";

	private static final String INVALID_CODE = "Value passed for the authorization code was invalid.";

	private final SandboxAuthority authority;

	private final Clock clock;

	XApi(SandboxAuthority authority, Clock clock) {
		this.authority = authority;
		this.clock = clock;
	}

	/** {@code GET /2/users/me} with a Bearer user access token. */
	ResponseEntity<Object> me(String authorization) {
		TokenState state = this.authority.lookup(Publisher.X, AuthorizationHeader.bearer(authorization));
		if (!state.valid() || state.kind() != TokenKind.ACCESS) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.contentType(PROBLEM)
				.body(problem("Unauthorized", 401, "Unauthorized"));
		}
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", state.user().externalId());
		user.put("name", state.user().name());
		user.put("username", state.user().username());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("data", user));
	}

	/** {@code POST /2/oauth2/token}: {@code authorization_code} (with PKCE) or {@code refresh_token}. */
	ResponseEntity<Object> token(Map<String, String> params, String authorization) {
		if (!SandboxApps.isXClient(authorization)) {
			return oauthError(HttpStatus.UNAUTHORIZED, "unauthorized_client", "Missing valid authorization header");
		}
		String grantType = params.getOrDefault("grant_type", "");
		return switch (grantType) {
			case "authorization_code" -> exchangeCode(params);
			case "refresh_token" -> refresh(params.get("refresh_token"));
			default -> oauthError(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
					"Value passed for the grant type was invalid.");
		};
	}

	private ResponseEntity<Object> exchangeCode(Map<String, String> params) {
		Optional<RedeemedCode> redeemed = this.authority.redeemCode(Publisher.X, params.get("code"));
		if (redeemed.isEmpty() || !Objects.equals(redeemed.get().redirectUri(), params.get("redirect_uri"))
				|| !SandboxSecrets.verifierMatches(params.get("code_verifier"), redeemed.get().codeChallenge())) {
			return oauthError(HttpStatus.BAD_REQUEST, "invalid_request", INVALID_CODE);
		}
		RedeemedCode code = redeemed.get();
		return tokens(this.authority.createGrant(code.userId(), code.level(), code.scopes()), code.scopes());
	}

	// refresh tokens are single-use: the spend is one guarded update, so a replay or a race loses
	private ResponseEntity<Object> refresh(String refreshToken) {
		TokenState state = this.authority.lookup(Publisher.X, refreshToken);
		if (state.problem() == Problem.PASSWORD_CHANGED) {
			return oauthError(HttpStatus.BAD_REQUEST, "invalid_grant",
					"The user's password changed; the authorization is no longer valid.");
		}
		if (!state.valid() || state.kind() != TokenKind.REFRESH || !this.authority.spend(refreshToken)) {
			return oauthError(HttpStatus.BAD_REQUEST, "invalid_request", INVALID_TOKEN);
		}
		return tokens(state.grantId(), state.scopes());
	}

	private ResponseEntity<Object> tokens(long grantId, String scopes) {
		Instant now = this.clock.instant();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("token_type", "bearer");
		body.put("expires_in", ACCESS_LIFETIME.toSeconds());
		body.put("access_token",
				this.authority.issueToken(grantId, Publisher.X, TokenKind.ACCESS, now.plus(ACCESS_LIFETIME), null));
		body.put("scope", scopes);
		// only offline.access earns a refresh token
		if (Arrays.asList(scopes.split("\\s+")).contains("offline.access")) {
			body.put("refresh_token", this.authority.issueToken(grantId, Publisher.X, TokenKind.REFRESH,
					now.plus(REFRESH_LIFETIME), null));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/** {@code POST /2/oauth2/revoke}: ends the token's grant; 200 even for an unknown token (RFC 7009). */
	ResponseEntity<Object> revoke(Map<String, String> params, String authorization) {
		if (!SandboxApps.isXClient(authorization)) {
			return oauthError(HttpStatus.UNAUTHORIZED, "unauthorized_client", "Missing valid authorization header");
		}
		String token = params.get("token");
		if (token == null || token.isBlank()) {
			return oauthError(HttpStatus.BAD_REQUEST, "invalid_request", "Missing required parameter [token].");
		}
		TokenState state = this.authority.lookup(Publisher.X, token);
		if (state.known()) {
			this.authority.revokeGrant(state.grantId(), SandboxAuthority.BY_APP);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("revoked", true));
	}

	static Map<String, Object> problem(String title, int status, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("type", "about:blank");
		body.put("status", status);
		body.put("detail", detail);
		return body;
	}

	private static ResponseEntity<Object> oauthError(HttpStatus status, String error, String description) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", error, "error_description", description));
	}

}
