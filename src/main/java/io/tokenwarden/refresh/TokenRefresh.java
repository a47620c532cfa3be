package io.tokenwarden.refresh;

import io.tokenwarden.accounts.AccountAccess;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
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
			return this.x.start(account, grant, request);
		}
		String registrationId = account.publisher().registrationId();
		ClientRegistration registration = this.registrations.findByRegistrationId(registrationId);
		if (registration == null) {
			return RefreshStart.refused("refresh.notConfigured");
		}
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				this.registrations, START_PATH);
		resolver.setAuthorizationRequestCustomizer(builder -> builder
			.attributes(attributes -> PendingRefresh.bind(attributes, accountId, grant.agencyId(), grant.actor(),
					this.clock.instant()))
			.additionalParameters(parameters -> {
				// the sandbox preselects this user; real publishers ignore it
				parameters.put("login_hint", account.externalId());
				// re-opens page selection instead of silently reusing the earlier grant
				parameters.put("auth_type", "rerequest");
			}));
		OAuth2AuthorizationRequest authorization = resolver.resolve(request, registrationId);
		this.pendingRequests.saveAuthorizationRequest(authorization, request, response);
		this.issuedStates.remember(authorization.getState(), accountId, grant.agencyId(), grant.actor());
		this.auditLog.recordAlone("refresh_started", grant.actor(), grant.agencyId(), accountId,
				"to " + account.publisher().displayName(), request.getRemoteAddr());
		return RefreshStart.redirect(authorization.getAuthorizationRequestUri());
	}

}
