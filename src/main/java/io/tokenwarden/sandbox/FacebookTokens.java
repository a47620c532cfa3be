package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenKind;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Facebook's token endpoints: {@code /oauth/access_token} (code exchange and the long-lived
 * {@code fb_exchange_token} exchange; Facebook has no refresh tokens) and {@code /debug_token},
 * which answers HTTP 200 even for a dead token and reports the failure inside {@code data}.
 */
@Component
@Profile("demo")
class FacebookTokens {

	/** Facebook's sample lifetime of a long-lived user token (about 60 days). */
	static final Duration LONG_LIVED = Duration.ofSeconds(5_183_944);

	static final Duration DATA_ACCESS = Duration.ofDays(90);

	private final SandboxAuthority authority;

	private final SandboxDirectory directory;

	private final Clock clock;

	FacebookTokens(SandboxAuthority authority, SandboxDirectory directory, Clock clock) {
		this.authority = authority;
		this.directory = directory;
		this.clock = clock;
	}

	/** {@code GET|POST /oauth/access_token}; the client may authenticate with parameters or HTTP Basic. */
	GraphAnswer accessToken(Map<String, String> params, String authorization) {
		Client client = Client.of(params, authorization);
		if (!SandboxApps.FACEBOOK_APP_ID.equals(client.id())) {
			return GraphAnswer.error(GraphError.invalidApplication());
		}
		if (!SandboxApps.isFacebookApp(client.id(), client.secret())) {
			return GraphAnswer.error(GraphError.parameter("Error validating client secret."));
		}
		if ("fb_exchange_token".equals(params.get("grant_type"))) {
			return exchange(params.get("fb_exchange_token"));
		}
		return redeem(params);
	}

	private GraphAnswer redeem(Map<String, String> params) {
		Optional<RedeemedCode> redeemed = this.authority.redeemCode(Publisher.FACEBOOK, params.get("code"));
		if (redeemed.isEmpty()) {
			return GraphAnswer.error(GraphError.parameter("This authorization code has been used or has expired."));
		}
		RedeemedCode code = redeemed.get();
		if (!Objects.equals(code.redirectUri(), params.get("redirect_uri"))) {
			return GraphAnswer.error(GraphError.parameter("Error validating verification code. Please make sure your "
					+ "redirect_uri is identical to the one you used in the OAuth dialog request"));
		}
		if (code.codeChallenge() != null
				&& !SandboxSecrets.verifierMatches(params.get("code_verifier"), code.codeChallenge())) {
			return GraphAnswer.error(GraphError.parameter("Invalid code_verifier for this authorization code."));
		}
		long grant = this.authority.createGrant(code.userId(), code.level(), code.scopes());
		Instant now = this.clock.instant();
		return GraphAnswer.ok(tokenBody(this.authority.issueToken(grant, Publisher.FACEBOOK, TokenKind.ACCESS,
				now.plus(LONG_LIVED), now.plus(DATA_ACCESS))));
	}

	// "You can not use an expired token to request a long-lived token"
	private GraphAnswer exchange(String token) {
		TokenState state = this.authority.lookup(Publisher.FACEBOOK, token);
		Instant now = this.clock.instant();
		if (!state.valid()) {
			return GraphAnswer.error(GraphError.forProblem(state, now));
		}
		return GraphAnswer.ok(tokenBody(this.authority.issueToken(state.grantId(), Publisher.FACEBOOK, TokenKind.ACCESS,
				now.plus(LONG_LIVED), state.dataAccessExpiresAt())));
	}

	private static Map<String, Object> tokenBody(String accessToken) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", accessToken);
		body.put("token_type", "bearer");
		body.put("expires_in", LONG_LIVED.toSeconds());
		return body;
	}

	/** The app's credentials, from the parameters (as Facebook documents) or an HTTP Basic header. */
	private record Client(String id, String secret) {

		static Client of(Map<String, String> params, String authorization) {
			if (params.get("client_id") != null) {
				return new Client(params.get("client_id"), params.get("client_secret"));
			}
			return AuthorizationHeader.basic(authorization)
				.map(basic -> new Client(basic.id(), basic.secret()))
				.orElseGet(() -> new Client(null, null));
		}

	}

	/** {@code GET /debug_token?input_token=…} with the app token {@code app_id|app_secret}. */
	GraphAnswer debugToken(GraphCall call) {
		if (!SandboxApps.isFacebookAppToken(call.token())) {
			return GraphAnswer.error(GraphError.invalidToken());
		}
		String input = call.param("input_token");
		if (input == null || input.isBlank()) {
			return GraphAnswer.error(GraphError.parameter("(#100) The parameter input_token is required"));
		}
		TokenState state = this.authority.lookup(Publisher.FACEBOOK, input);
		Map<String, Object> data = new LinkedHashMap<>();
		if (!state.known()) {
			data.put("error", GraphError.invalidToken().debugForm());
			data.put("is_valid", false);
			data.put("scopes", List.of());
			return GraphAnswer.ok(Map.of("data", data));
		}
		data.put("app_id", SandboxApps.FACEBOOK_APP_ID);
		data.put("type", "USER");
		data.put("application", SandboxApps.APP_NAME);
		data.put("data_access_expires_at", SandboxTimes.epochSeconds(state.dataAccessExpiresAt()));
		if (!state.valid()) {
			data.put("error", GraphError.forProblem(state, this.clock.instant()).debugForm());
		}
		data.put("expires_at", SandboxTimes.epochSeconds(state.expiresAt()));
		data.put("is_valid", state.valid());
		data.put("issued_at", SandboxTimes.epochSeconds(state.issuedAt()));
		data.put("scopes", state.scopeList());
		data.put("granular_scopes", granularScopes(state));
		data.put("user_id", state.user().externalId());
		return GraphAnswer.ok(Map.of("data", data));
	}

	// which Pages and ad accounts each permission covers
	private List<Map<String, Object>> granularScopes(TokenState state) {
		List<String> pages = this.directory.pages(state.user().id(), state.level()).stream().map(SandboxPage::pageId).toList();
		List<String> accounts = this.directory.adAccounts(state.user().id(), state.level())
			.stream()
			.map(SandboxAdAccount::accountId)
			.toList();
		List<Map<String, Object>> granular = new ArrayList<>();
		for (String scope : state.scopeList()) {
			if (scope.startsWith("pages_") && !pages.isEmpty()) {
				granular.add(Map.of("scope", scope, "target_ids", pages));
			}
			else if (scope.startsWith("ads_") && !accounts.isEmpty()) {
				granular.add(Map.of("scope", scope, "target_ids", accounts));
			}
		}
		return granular;
	}

}
