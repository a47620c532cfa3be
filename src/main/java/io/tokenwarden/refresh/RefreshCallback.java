package io.tokenwarden.refresh;

import io.tokenwarden.accounts.AccountAccess;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.publishers.AuthorizationGrant;
import io.tokenwarden.publishers.GrantedTokens;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherClient;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherIdentity;
import io.tokenwarden.publishers.Publishers;
import io.tokenwarden.tokens.TokenSecret;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;

/**
 * Facebook's OAuth 2.0 redirect back: finds the refresh this browser session started (by its single-use
 * {@code state}), exchanges the code once, checks the token belongs to the account, and stores it.
 * Every failure leaves the old token exactly as it was and writes a {@code refresh_failed} audit event.
 * X's OAuth 1.0a callback is {@link XAuthorization#finish}.
 */
@Component
class RefreshCallback {

	private static final int CODE_MAX = 2048;

	private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> pendingRequests;

	private final AccountAccess access;

	private final AccountDirectory accounts;

	private final Publishers publishers;

	private final RefreshStore store;

	private final RefreshFailures failures;

	private final Clock clock;

	private final OwnerConsent owners;

	RefreshCallback(AuthorizationRequestRepository<OAuth2AuthorizationRequest> pendingRequests, AccountAccess access,
			AccountDirectory accounts, Publishers publishers, RefreshStore store, RefreshFailures failures, Clock clock,
			OwnerConsent owners) {
		this.owners = owners;
		this.pendingRequests = pendingRequests;
		this.access = access;
		this.accounts = accounts;
		this.publishers = publishers;
		this.store = store;
		this.failures = failures;
		this.clock = clock;
	}

	RefreshResult complete(String registrationId, HttpServletRequest request, HttpServletResponse response) {
		String ip = request.getRemoteAddr();
		String[] states = request.getParameterValues(OAuth2ParameterNames.STATE);
		String[] codes = request.getParameterValues(OAuth2ParameterNames.CODE);
		if (states == null || states.length != 1 || (codes != null && (codes.length != 1 || codes[0].length() > CODE_MAX))) {
			this.failures.unattributed(null, "malformed callback", ip);
			throw new BadCallbackException("refresh.badCallback");
		}
		OAuth2AuthorizationRequest authorization = this.pendingRequests.removeAuthorizationRequest(request, response);
		if (authorization == null) {
			// unknown, reused, from another browser session, or replaced by a newer refresh
			this.failures.unattributed(states[0], "state not pending in this browser session", ip);
			throw new BadCallbackException("refresh.unknownState");
		}
		PendingRefresh pending = PendingRefresh.of(authorization);
		if (!registrationId.equals(authorization.getAttribute(OAuth2ParameterNames.REGISTRATION_ID))) {
			this.failures.fail(pending, null, "callback for another publisher", ip);
			throw new BadCallbackException("refresh.unknownState");
		}
		if (pending.expiredAt(this.clock.instant())) {
			this.failures.fail(pending, null, "state expired", ip);
			if (pending.byOwner()) {
				return RefreshResult.ownerFailed("reconnect.tooSlow");
			}
			throw new BadCallbackException("refresh.stateExpired");
		}
		if (pending.connecting()) {
			return connect(pending, authorization, codes, request.getParameter(OAuth2ParameterNames.ERROR), ip);
		}
		if (pending.byOwner()) {
			return this.owners.facebook(pending, authorization, codes, request.getParameter(OAuth2ParameterNames.ERROR),
					ip);
		}
		this.access.requireAdmin(pending.accountId());
		PublisherAccount account = this.accounts.find(pending.accountId()).orElseThrow();
		String publisher = account.publisher().displayName();
		String error = request.getParameter(OAuth2ParameterNames.ERROR);
		if (error != null || codes == null) {
			this.failures.fail(pending, account,
					"consent not given: " + (error == null ? "no code" : error.replaceAll("[^a-z_]", "")), ip);
			return RefreshResult.failed("refresh.cancelled", publisher, account.name());
		}
		PublisherClient client = this.publishers.client(account.publisher());
		try {
			GrantedTokens tokens = client.exchangeCode(new AuthorizationGrant(TokenSecret.of(codes[0]),
					URI.create(authorization.getRedirectUri()),
					pending.codeVerifier() == null ? null : TokenSecret.of(pending.codeVerifier())));
			PublisherIdentity identity = client.identity(tokens.held());
			if (!account.externalId().equals(identity.id())) {
				this.failures.fail(pending, account, "account mismatch: signed in as " + identity.id(), ip);
				return RefreshResult.failed("refresh.wrongIdentity", publisher, identity.name(), identity.id(),
						account.externalId(), account.name());
			}
			return this.store.save(account, pending, client, tokens, ip);
		}
		catch (PublisherException ex) {
			this.failures.fail(pending, account, ex.getMessage(), ip);
			return RefreshFailures.of(ex.outcome(), publisher);
		}
	}

	/** The end of "Connect Facebook account": whoever consented becomes (or already is) an account of the agency. */
	private RefreshResult connect(PendingRefresh pending, OAuth2AuthorizationRequest authorization, String[] codes,
			String error, String ip) {
		this.access.requireAdminOf(pending.agencyId());
		String publisher = Publisher.FACEBOOK.displayName();
		if (error != null || codes == null) {
			this.failures.fail(pending, null,
					"Facebook: consent not given: " + (error == null ? "no code" : error.replaceAll("[^a-z_]", "")), ip);
			return RefreshResult.failed("connect.cancelled", publisher);
		}
		PublisherClient client = this.publishers.client(Publisher.FACEBOOK);
		try {
			GrantedTokens tokens = client.exchangeCode(new AuthorizationGrant(TokenSecret.of(codes[0]),
					URI.create(authorization.getRedirectUri()),
					pending.codeVerifier() == null ? null : TokenSecret.of(pending.codeVerifier())));
			PublisherIdentity identity = client.identity(tokens.held());
			return this.store.connect(Publisher.FACEBOOK, pending, client, tokens, identity, ip);
		}
		catch (PublisherException ex) {
			this.failures.fail(pending, null, "Facebook: " + ex.getMessage(), ip);
			return RefreshFailures.of(ex.outcome(), publisher);
		}
	}

}
