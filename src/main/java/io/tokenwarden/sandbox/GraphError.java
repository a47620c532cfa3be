package io.tokenwarden.sandbox;

import io.tokenwarden.sandbox.TokenState.Problem;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Graph API error as Facebook sends it: the {@code error} envelope with {@code code},
 * {@code error_subcode}, {@code type}, {@code is_transient} and {@code fbtrace_id}, HTTP 400 for
 * nearly everything, and a {@code WWW-Authenticate} header on token errors.
 */
record GraphError(int status, String type, int code, Integer subcode, String message, boolean isTransient,
		boolean tokenError) {

	private static final DateTimeFormatter SESSION_TIME = DateTimeFormatter
		.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final String VALIDATING = "Error validating access token: ";

	/** The token error a live call gets for a refused token (docs/publishers.md, "debug_token" and "Graph errors"). */
	static GraphError forProblem(TokenState state, Instant now) {
		return switch (state.problem()) {
			case REVOKED -> token(458, VALIDATING + "The user has not authorized application " + SandboxApps.FACEBOOK_APP_ID + ".");
			case CHECKPOINT -> token(459, VALIDATING
					+ "You cannot access the app till you log in to www.facebook.com and follow the instructions given.");
			case PASSWORD_CHANGED -> token(460, VALIDATING + "The session has been invalidated because the user changed "
					+ "their password or Facebook has changed the session for security reasons.");
			case EXPIRED -> token(463, VALIDATING + "Session has expired on " + SESSION_TIME.format(state.expiresAt())
					+ ". The current time is " + SESSION_TIME.format(now) + ".");
			case DATA_ACCESS_EXPIRED -> token(null, VALIDATING
					+ "Data access has expired for this user. The user must log in to the app again.");
			default -> invalidToken();
		};
	}

	static GraphError invalidToken() {
		return token(null, "Invalid OAuth access token.");
	}

	static GraphError missingToken() {
		return new GraphError(400, "OAuthException", 104, null, "An access token is required to request this resource.",
				false, true);
	}

	static GraphError activeTokenRequired() {
		return new GraphError(400, "OAuthException", 2500,
				null, "An active access token must be used to query information about the current user.", false, true);
	}

	static GraphError badProof() {
		return new GraphError(400, "GraphMethodException", 100, null,
				"Invalid appsecret_proof provided in the API argument", false, false);
	}

	static GraphError noSuchObject(String method, String id) {
		return new GraphError(400, "GraphMethodException", 100, 33, "Unsupported " + method.toLowerCase(Locale.ROOT)
				+ " request. Object with ID '" + id + "' does not exist, cannot be loaded due to missing permissions, "
				+ "or does not support this operation.", false, false);
	}

	static GraphError invalidApplication() {
		return new GraphError(400, "OAuthException", 101, null, "Error validating application. Invalid application ID.",
				false, false);
	}

	static GraphError parameter(String message) {
		return new GraphError(400, "OAuthException", 100, null, message, false, false);
	}

	static GraphError rateLimited() {
		return new GraphError(400, "OAuthException", 17, null, "(#17) User request limit reached", true, false);
	}

	private static GraphError token(Integer subcode, String message) {
		return new GraphError(400, "OAuthException", 190, subcode, message, false, true);
	}

	/** The JSON body, with a fresh support id. */
	Map<String, Object> body() {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", this.message);
		error.put("type", this.type);
		error.put("code", this.code);
		if (this.subcode != null) {
			error.put("error_subcode", this.subcode);
		}
		error.put("is_transient", this.isTransient);
		error.put("fbtrace_id", SandboxSecrets.traceId());
		return Map.of("error", error);
	}

	/** {@code debug_token}'s in-data form: note the key is {@code subcode} there. */
	Map<String, Object> debugForm() {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", this.code);
		error.put("message", this.message);
		if (this.subcode != null) {
			error.put("subcode", this.subcode);
		}
		return error;
	}

	Map<String, String> headers() {
		String kind = this.tokenError ? "invalid_token" : "invalid_request";
		return Map.of("WWW-Authenticate", "OAuth \"Facebook Platform\" \"" + kind + "\" \"" + this.message + "\"");
	}

}
