package io.tokenwarden.refresh;

import io.tokenwarden.accounts.AccountAccess;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.publishers.Publisher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;

/**
 * Starts a refresh: checks the admin may act on the account, then for Facebook binds account, agency and
 * admin to a new OAuth 2.0 authorization request (single-use {@code state}, PKCE where configured) kept
 * server-side in the session, and answers the publisher's consent URL. The callback half is
 * {@link RefreshCallback}. X's consent is OAuth 1.0a, started and finished by {@link XAuthorization}.
 */
@Service
public class TokenRefresh {

	static final String START_PATH = "/config/accounts/refresh";

	private final AccountAccess access;

	private final AccountDirectory accounts;

	private final ClientRegistrationRepository registrations;

	private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> pendingRequests;

	private final AuditLog auditLog;

	private final IssuedStates issuedStates;

	private final XAuthorization x;

	private final Clock clock;

	TokenRefresh(AccountAccess access, AccountDirectory accounts, ClientRegistrationRepository registrations,
			AuthorizationRequestRepository<OAuth2AuthorizationRequest> pendingRequests, AuditLog auditLog,
			IssuedStates issuedStates, XAuthorization x, Clock clock) {
		this.x = x;
		this.issuedStates = issuedStates;
		this.access = access;
		this.accounts = accounts;
		this.registrations = registrations;
		this.pendingRequests = pendingRequests;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The publisher consent URL to send the admin to, or why there is none (the app is not configured...). */
	public RefreshStart start(long accountId, HttpServletRequest request, HttpServletResponse response) {
		AccountAccess.Grant grant = this.access.requireAdmin(accountId);
		PublisherAccount account = this.accounts.find(accountId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (account.publisher() == Publisher.X) {
			return this.x.start(account, grant.agencyId(), grant.actor(), request, null);
		}
		return facebook(account, grant.agencyId(), grant.actor(), request, response, null);
	}

	/**
	 * An account owner's reconnect through an email link, signed in to nothing: the same consent as the
	 * account's refresh, bound to this browser session and to the link by its {@code linkReference}
	 * ({@code LinkTokens.reference}, never the token). The caller has checked the link. Its callback ends on
	 * the owner's own page, never in the console, and spends the link when the token is stored.
	 */
	public RefreshStart reconnectByOwner(long accountId, String linkReference, HttpServletRequest request,
			HttpServletResponse response) {
		if (linkReference == null) {
			throw new IllegalArgumentException("an owner's reconnect needs its link");
		}
		PublisherAccount account = this.accounts.find(accountId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		// the account's first agency carries the attempts in the audit; the success is recorded in all of them
		long agencyId = this.accounts.linkedAgencyIds(accountId).stream().findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (account.publisher() == Publisher.X) {
			return this.x.start(account, agencyId, account.ownerEmail(), request, linkReference);
		}
		return facebook(account, agencyId, account.ownerEmail(), request, response, linkReference);
	}

	/**
	 * "Connect Facebook account" or "Connect X account" in the current agency, for its admins: the consent
	 * URL, or why there is none. The consent is pending in this browser session with no account: the
	 * callback finds or makes it. A second click replaces the first click's consent, so one stays pending.
	 */
	public RefreshStart connect(String publisher, HttpServletRequest request, HttpServletResponse response) {
		AgencyContext context = this.access.requireAdminOfCurrentAgency();
		if (Publisher.X.name().equals(publisher)) {
			return this.x.start(null, context.agencyId(), context.userEmail(), request, null);
		}
		if (!Publisher.FACEBOOK.name().equals(publisher)) {
			return RefreshStart.refused("connect.unknownPublisher");
		}
		if (this.registrations.findByRegistrationId(Publisher.FACEBOOK.registrationId()) == null) {
			return RefreshStart.refused("connect.notConfigured", Publisher.FACEBOOK.displayName(),
					ConnectButtons.FACEBOOK_PROPERTIES);
		}
		return facebook(null, context.agencyId(), context.userEmail(), request, response, null);
	}

	/** Facebook's OAuth 2.0 consent for the account (null: a Connect), bound to this browser session. */
	private RefreshStart facebook(PublisherAccount account, long agencyId, String actor, HttpServletRequest request,
			HttpServletResponse response, String ownerLink) {
		String registrationId = Publisher.FACEBOOK.registrationId();
		if (this.registrations.findByRegistrationId(registrationId) == null) {
			return RefreshStart.refused("refresh.notConfigured");
		}
		Long accountId = account == null ? null : account.id();
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				this.registrations, START_PATH);
		resolver.setAuthorizationRequestCustomizer(builder -> builder
			.attributes(attributes -> PendingRefresh.bind(attributes, accountId, agencyId, actor, this.clock.instant(),
					ownerLink))
			.additionalParameters(parameters -> {
				if (account != null) {
					// the sandbox preselects this user; real publishers ignore it
					parameters.put("login_hint", account.externalId());
				}
				// re-opens page selection instead of silently reusing the earlier grant
				parameters.put("auth_type", "rerequest");
			}));
		OAuth2AuthorizationRequest authorization = resolver.resolve(request, registrationId);
		this.pendingRequests.saveAuthorizationRequest(authorization, request, response);
		this.issuedStates.remember(authorization.getState(), accountId, agencyId, actor);
		this.auditLog.recordAlone(account == null ? "connect_started" : ownerLink != null ? "reconnect_started" : "refresh_started",
				actor, agencyId, accountId, ownerLink != null ? "to Facebook, by the owner through an email link" : "to Facebook",
				request.getRemoteAddr());
		return RefreshStart.redirect(authorization.getAuthorizationRequestUri());
	}

}
