package io.tokenwarden.refresh;

import io.tokenwarden.accounts.AccountAccess;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.publishers.AuthorizedUser;
import io.tokenwarden.publishers.GrantedTokens;
import io.tokenwarden.publishers.OAuth1Consent;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.Publishers;
import io.tokenwarden.publishers.PublisherIdentity;
import io.tokenwarden.publishers.PublisherClient;
import io.tokenwarden.publishers.RequestToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.time.Clock;
import java.util.Set;

/**
 * X's half of the refresh: OAuth 1.0a's three legs (RFC 5849 section 2). {@link #start} gets a request
 * token for the callback and keeps it, with who asked for which account, in this browser's session;
 * {@link #finish} takes the callback's {@code oauth_token} as the state: unless it is the one pending in
 * this session nothing is sent to X and nothing changes. Then the verifier buys the access token, whose
 * {@code user_id} must be the account's, and {@link RefreshStore} keeps it.
 */
@Component
class XAuthorization {

	static final String CALLBACK_PATH = "/login/oauth1/callback/x";

	private static final int PARAMETER_MAX = 512;

	private final AccountAccess access;

	private final AccountDirectory accounts;

	private final Publishers publishers;

	private final RefreshStore store;

	private final AuditLog auditLog;

	private final IssuedStates issuedStates;

	private final RefreshFailures failures;

	private final Clock clock;

	private final OwnerConsent owners;

	XAuthorization(AccountAccess access, AccountDirectory accounts, Publishers publishers, RefreshStore store,
			AuditLog auditLog, IssuedStates issuedStates, RefreshFailures failures, Clock clock, OwnerConsent owners) {
		this.owners = owners;
		this.access = access;
		this.accounts = accounts;
		this.publishers = publishers;
		this.store = store;
		this.auditLog = auditLog;
		this.issuedStates = issuedStates;
		this.failures = failures;
		this.clock = clock;
	}

	/**
	 * X's authorize page for a new request token bound to this session, or why there is none; for the
	 * account's refresh, or for a Connect in {@code agencyId} when {@code account} is null.
	 */
	RefreshStart start(PublisherAccount account, long agencyId, String actor, HttpServletRequest request,
			String ownerLink) {
		Long accountId = account == null ? null : account.id();
		OAuth1Consent consent = this.publishers.oauth1Consent();
		if (!consent.configured()) {
			return account == null
					? RefreshStart.refused("connect.notConfigured", Publisher.X.displayName(), ConnectButtons.X_PROPERTIES)
					: RefreshStart.refused("refresh.notConfigured.x");
		}
		RequestToken token;
		try {
			token = consent.requestToken(callback(request));
		}
		catch (PublisherException ex) {
			this.auditLog.recordAlone(account == null ? "connect_failed" : "refresh_failed", actor, agencyId, accountId,
					"X: no request token: " + ex.getMessage(), request.getRemoteAddr());
			RefreshResult failed = RefreshFailures.of(ex.outcome(), Publisher.X.displayName());
			// an owner reads the same words on the reconnect page
			return RefreshStart.refused(failed.message(), failed.arguments().toArray());
		}
		// a newer consent in the same session replaces the older one, whose callback then counts as unknown
		request.getSession().setAttribute(PendingXConsent.SESSION_ATTRIBUTE, new PendingXConsent(token.token(),
				token.secret().reveal(), accountId, agencyId, actor, this.clock.instant(), ownerLink));
		this.issuedStates.remember(token.token(), accountId, agencyId, actor);
		this.auditLog.recordAlone(account == null ? "connect_started" : ownerLink != null ? "reconnect_started" : "refresh_started",
				actor, agencyId, accountId, ownerLink != null ? "to X, by the owner through an email link" : "to X",
				request.getRemoteAddr());
		UriComponentsBuilder authorize = UriComponentsBuilder.fromUri(consent.authorizationUri(token));
		if (account != null) {
			// the sandbox preselects this user; X ignores parameters it does not know
			authorize.queryParam("login_hint", account.externalId());
		}
		return RefreshStart.redirect(authorize.build().toUriString());
	}

	/** The callback: {@code oauth_token} with {@code oauth_verifier}, or {@code denied} when the user cancelled. */
	RefreshResult finish(HttpServletRequest request) {
		String ip = request.getRemoteAddr();
		String denied = single(request, "denied");
		String oauthToken = denied != null ? denied : single(request, "oauth_token");
		String verifier = single(request, "oauth_verifier");
		if (oauthToken == null || (denied == null && verifier == null) || !singleValued(request)) {
			this.failures.unattributed(null, "malformed callback", ip);
			throw new BadCallbackException("refresh.badCallback");
		}
		PendingXConsent pending = take(request.getSession(false), oauthToken);
		if (pending == null) {
			// unknown, reused, from another browser session, or replaced by a newer refresh: X is not asked
			this.failures.unattributed(oauthToken, "oauth_token not pending in this browser session", ip);
			throw new BadCallbackException("refresh.unknownState");
		}
		PendingRefresh refresh = pending.refresh();
		if (pending.expiredAt(this.clock.instant())) {
			this.failures.fail(refresh, null, "request token expired", ip);
			if (refresh.byOwner()) {
				return RefreshResult.ownerFailed("reconnect.tooSlow");
			}
			throw new BadCallbackException("refresh.stateExpired");
		}
		if (refresh.connecting()) {
			return connect(refresh, pending, denied != null, verifier, ip);
		}
		if (refresh.byOwner()) {
			return this.owners.x(refresh, pending.token(), denied != null, verifier, ip);
		}
		this.access.requireAdmin(refresh.accountId());
		PublisherAccount account = this.accounts.find(refresh.accountId()).orElseThrow();
		if (denied != null) {
			this.failures.fail(refresh, account, "consent not given: denied at X", ip);
			return RefreshResult.failed("refresh.cancelled", Publisher.X.displayName(), account.name());
		}
		try {
			AuthorizedUser user = this.publishers.oauth1Consent().accessToken(pending.token(), verifier);
			if (!account.externalId().equals(user.userId())) {
				String name = user.screenName() == null ? user.userId() : "@" + user.screenName();
				this.failures.fail(refresh, account, "account mismatch: signed in as " + user.userId(), ip);
				return RefreshResult.failed("refresh.wrongIdentity", Publisher.X.displayName(), name, user.userId(),
						account.externalId(), account.name());
			}
			GrantedTokens granted = new GrantedTokens(user.token().accessToken(), user.token().tokenSecret(), null,
					Set.of());
			return this.store.save(account, refresh, this.publishers.client(Publisher.X), granted, ip);
		}
		catch (PublisherException ex) {
			this.failures.fail(refresh, account, ex.getMessage(), ip);
			return RefreshFailures.of(ex.outcome(), Publisher.X.displayName());
		}
	}

	/** The end of a Connect: whoever authorized at X becomes (or already is) an account of the agency. */
	private RefreshResult connect(PendingRefresh refresh, PendingXConsent pending, boolean denied, String verifier,
			String ip) {
		this.access.requireAdminOf(refresh.agencyId());
		if (denied) {
			this.failures.fail(refresh, null, "X: consent not given: denied at X", ip);
			return RefreshResult.failed("connect.cancelled", Publisher.X.displayName());
		}
		PublisherClient client = this.publishers.client(Publisher.X);
		try {
			AuthorizedUser user = this.publishers.oauth1Consent().accessToken(pending.token(), verifier);
			PublisherIdentity identity = client.identity(user.token());
			GrantedTokens granted = new GrantedTokens(user.token().accessToken(), user.token().tokenSecret(), null,
					Set.of());
			return this.store.connect(Publisher.X, refresh, client, granted, identity, ip);
		}
		catch (PublisherException ex) {
			this.failures.fail(refresh, null, "X: " + ex.getMessage(), ip);
			return RefreshFailures.of(ex.outcome(), Publisher.X.displayName());
		}
	}

	/** Removes the session's pending consent only when the callback is its own: a stray one leaves it waiting. */
	private static PendingXConsent take(HttpSession session, String oauthToken) {
		if (session == null || !(session.getAttribute(PendingXConsent.SESSION_ATTRIBUTE) instanceof PendingXConsent pending)
				|| !pending.isFor(oauthToken)) {
			return null;
		}
		session.removeAttribute(PendingXConsent.SESSION_ATTRIBUTE);
		return pending;
	}

	/**
	 * {@code {baseUrl}/login/oauth1/callback/x}, by the rule of Facebook's redirect URI: outside the demo
	 * {@code {baseUrl}} is {@code tokenwarden.base-url} (the request reads as if it came there, never from its
	 * {@code Host}: web/PublicAddressFilter); in the demo it is where this request reached the console.
	 */
	static URI callback(HttpServletRequest request) {
		return UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
			.replacePath(request.getContextPath() + CALLBACK_PATH)
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUri();
	}

	private static String single(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null || values.length != 1 || values[0].isBlank() || values[0].length() > PARAMETER_MAX
				? null : values[0];
	}

	private static boolean singleValued(HttpServletRequest request) {
		return request.getParameterMap().values().stream().allMatch(values -> values.length == 1);
	}

}
