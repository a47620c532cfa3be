package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorization request a consent page was opened with, in the publisher's own parameter names,
 * carried through the page's forms unchanged.
 */
record ConsentRequest(Publisher publisher, Map<String, String> parameters) {

	private static final List<String> NAMES = List.of("client_id", "redirect_uri", "state", "scope", "response_type",
			"auth_type", "code_challenge", "code_challenge_method", "login_hint", "oauth_token");

	static ConsentRequest of(Publisher publisher, Map<String, String> params) {
		Map<String, String> known = new LinkedHashMap<>();
		for (String name : NAMES) {
			String value = params.get(name);
			if (value != null && !value.isBlank()) {
				known.put(name, value);
			}
		}
		return new ConsentRequest(publisher, known);
	}

	String get(String name) {
		return this.parameters.get(name);
	}

	/** Every parameter but {@code login_hint}, for the "switch account" form that sets a new one. */
	Map<String, String> parametersWithoutLoginHint() {
		Map<String, String> without = new LinkedHashMap<>(this.parameters);
		without.remove("login_hint");
		return without;
	}

	/** Facebook separates scopes with commas (or spaces); X's OAuth 1.0a consent has none. */
	List<String> scopes() {
		String scope = this.parameters.getOrDefault("scope", "");
		return Arrays.stream(scope.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
	}

	/** The scopes as Facebook writes them in its token answers. */
	String joinedScopes() {
		return String.join(",", scopes());
	}

	/** The page's own path, where its forms go. */
	String path() {
		return this.publisher == Publisher.FACEBOOK ? ConsentController.FACEBOOK_DIALOG : ConsentController.X_AUTHORIZE;
	}

}
