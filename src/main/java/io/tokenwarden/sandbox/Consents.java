package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The consent dialogs of both imitation publishers: checks the request, lists who may continue, and turns
 * the person's choice into the redirect back to the app: Facebook's with a code or an error, X's (OAuth
 * 1.0a) with the request token and a verifier, or {@code denied}.
 */
@Component
@Profile("demo")
class Consents {

	private static final Pattern CODE_CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

	private final SandboxDirectory directory;

	private final SandboxAuthority authority;

	private final XRequestTokens requestTokens;

	Consents(SandboxDirectory directory, SandboxAuthority authority, XRequestTokens requestTokens) {
		this.directory = directory;
		this.authority = authority;
		this.requestTokens = requestTokens;
	}

	/** The page for a request; the user named by {@code login_hint} is preselected when there is one. */
	ConsentPage prepare(ConsentRequest request) {
		String returnsTo = check(request);
		List<SandboxUser> users = this.directory.users(request.publisher());
		if (users.isEmpty()) {
			throw new ConsentRejected(request.publisher(), "sandbox.consent.error.noUsers");
		}
		SandboxUser selected = users.stream()
			.filter(user -> user.externalId().equals(request.get("login_hint")))
			.findFirst()
			.orElse(users.get(0));
		return ConsentPage.of(request, returnsTo, users, selected);
	}

	/** Where the browser goes after "Continue as …" ({@code continue}) or "Cancel". */
	URI decide(ConsentRequest request, String decision, String userId, String level) {
		String returnsTo = check(request);
		Publisher publisher = request.publisher();
		if (publisher == Publisher.X) {
			return decideAtX(request.get("oauth_token"), returnsTo, decision, userId);
		}
		Map<String, String> answer = new LinkedHashMap<>();
		if ("cancel".equals(decision)) {
			answer.put("error", "access_denied");
			if (publisher == Publisher.FACEBOOK) {
				answer.put("error_reason", "user_denied");
				answer.put("error_description", "Permissions error");
			}
		}
		else if ("continue".equals(decision)) {
			SandboxUser user = parseId(userId).flatMap(this.directory::findUser)
				.filter(candidate -> candidate.publisher() == publisher)
				.orElseThrow(() -> new ConsentRejected(publisher, "sandbox.consent.error.user"));
			AccessLevel accessLevel = AccessLevel.parse(level)
				.orElseThrow(() -> new ConsentRejected(publisher, "sandbox.consent.error.level"));
			if (user.checkpointed()) {
				// signing in at the publisher is what clears a security checkpoint
				this.directory.setCheckpointed(user.id(), false);
			}
			answer.put("code", this.authority.issueCode(publisher, user.id(), accessLevel, request.joinedScopes(),
					request.get("client_id"), request.get("redirect_uri"), request.get("code_challenge")));
		}
		else {
			throw new ConsentRejected(publisher, "sandbox.consent.error.decision");
		}
		if (request.get("state") != null) {
			answer.put("state", request.get("state"));
		}
		return redirect(returnsTo, answer);
	}

	/** X's authorize page: "Authorize app" gives the callback a verifier, "Cancel" {@code denied}; once. */
	private URI decideAtX(String requestToken, String callback, String decision, String userId) {
		Map<String, String> answer = new LinkedHashMap<>();
		if ("cancel".equals(decision)) {
			if (!this.requestTokens.deny(requestToken)) {
				throw new ConsentRejected(Publisher.X, "sandbox.consent.error.requestToken");
			}
			answer.put("denied", requestToken);
			return redirect(callback, answer);
		}
		if (!"continue".equals(decision)) {
			throw new ConsentRejected(Publisher.X, "sandbox.consent.error.decision");
		}
		SandboxUser user = parseId(userId).flatMap(this.directory::findUser)
			.filter(candidate -> candidate.publisher() == Publisher.X)
			.orElseThrow(() -> new ConsentRejected(Publisher.X, "sandbox.consent.error.user"));
		String verifier = this.requestTokens.authorize(requestToken, user.id())
			.orElseThrow(() -> new ConsentRejected(Publisher.X, "sandbox.consent.error.requestToken"));
		answer.put("oauth_token", requestToken);
		answer.put("oauth_verifier", verifier);
		return redirect(callback, answer);
	}

	/** Refuses a request the publisher would not serve; answers where the browser goes back to. */
	private String check(ConsentRequest request) {
		Publisher publisher = request.publisher();
		if (publisher == Publisher.X) {
			// the request token names the callback it was issued for; nothing in the URL can change it
			return this.requestTokens.undecided(request.get("oauth_token"))
				.map(XRequestTokens.UndecidedRequest::callback)
				.orElseThrow(() -> new ConsentRejected(publisher, "sandbox.consent.error.requestToken"));
		}
		if (!SandboxApps.FACEBOOK_APP_ID.equals(request.get("client_id"))) {
			throw new ConsentRejected(publisher, "sandbox.consent.error.client");
		}
		if (!isLocal(request.get("redirect_uri"))) {
			throw new ConsentRejected(publisher, "sandbox.consent.error.redirect");
		}
		String responseType = request.get("response_type");
		if (responseType != null && !"code".equals(responseType)) {
			throw new ConsentRejected(publisher, "sandbox.consent.error.responseType");
		}
		String challenge = request.get("code_challenge");
		if (challenge != null && (!CODE_CHALLENGE.matcher(challenge).matches()
				|| !"S256".equalsIgnoreCase(request.get("code_challenge_method")))) {
			throw new ConsentRejected(publisher, "sandbox.consent.error.pkce");
		}
		return request.get("redirect_uri");
	}

	/** Only this machine over plain http: the demo's console, and never an open redirect elsewhere. */
	static boolean isLocal(String redirectUri) {
		if (redirectUri == null) {
			return false;
		}
		try {
			URI uri = new URI(redirectUri);
			return "http".equalsIgnoreCase(uri.getScheme()) && uri.getRawUserInfo() == null && uri.getRawFragment() == null
					&& ("localhost".equalsIgnoreCase(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	// form encoding, as the publishers send it: "Permissions+error"
	private static URI redirect(String redirectUri, Map<String, String> params) {
		StringBuilder location = new StringBuilder(redirectUri);
		char separator = redirectUri.contains("?") ? '&' : '?';
		for (Map.Entry<String, String> param : params.entrySet()) {
			location.append(separator)
				.append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return URI.create(location.toString());
	}

	private static Optional<Long> parseId(String value) {
		try {
			return Optional.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
