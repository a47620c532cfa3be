package io.tokenwarden.publishers.x;

import io.tokenwarden.publishers.AuthorizedUser;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.OAuth1Consent;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Refused;
import io.tokenwarden.publishers.RequestToken;
import io.tokenwarden.publishers.http.Faults;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.tokens.TokenSecret;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * X's three-legged OAuth 1.0a consent (docs/publishers.md, "X OAuth 1.0a"): request token, authorize, access
 * token. The answers are form-encoded; a request token whose callback X did not confirm is never used.
 */
public final class XConsent implements OAuth1Consent {

	private final XApi api;

	private final boolean configured;

	private final Clock clock;

	XConsent(XApi api, boolean configured, Clock clock) {
		this.api = api;
		this.configured = configured;
		this.clock = clock;
	}

	@Override
	public boolean configured() {
		return this.configured;
	}

	@Override
	public RequestToken requestToken(URI callback) {
		requireConfigured();
		HttpAnswer answer = this.api.requestToken(callback);
		Map<String, String> form = require(answer);
		if (!"true".equals(form.get("oauth_callback_confirmed"))) {
			// RFC 5849 2.1: without it the callback may not be the one asked for
			throw new PublisherException(new Refused(XErrors.evidence(answer, null)
				.withDetail("request token without oauth_callback_confirmed=true")));
		}
		return new RequestToken(form.get("oauth_token"), TokenSecret.of(form.get("oauth_token_secret")));
	}

	@Override
	public URI authorizationUri(RequestToken requestToken) {
		return this.api.authorizeUri(requestToken);
	}

	@Override
	public AuthorizedUser accessToken(RequestToken requestToken, String verifier) {
		requireConfigured();
		HttpAnswer answer = this.api.accessToken(requestToken, verifier);
		Map<String, String> form = require(answer);
		if (form.get("user_id") == null) {
			throw new PublisherException(new PublisherOutcome.Unreachable(XErrors.evidence(answer, null)
				.withDetail("access token answer without user_id")));
		}
		return new AuthorizedUser(new HeldToken(TokenSecret.of(form.get("oauth_token")),
				TokenSecret.of(form.get("oauth_token_secret"))), form.get("user_id"), form.get("screen_name"));
	}

	private Map<String, String> require(HttpAnswer answer) {
		PublisherOutcome failure = XErrors.oauthFailure(answer, this.clock);
		if (failure != null) {
			throw new PublisherException(failure);
		}
		return XErrors.form(answer.body());
	}

	private void requireConfigured() {
		if (!this.configured) {
			throw new PublisherException(Faults.notConfigured(Publisher.X));
		}
	}

}
