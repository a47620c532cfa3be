package io.tokenwarden.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * The security module's API for the team pages: sign a person in from a page other than the login
 * form (accepting an invitation), through the same throttle; forget an account's failed sign-ins (after
 * a reset by email). Ending a person's other sessions is {@link UserSessions#endOthers}.
 */
@Service
public class SignIns {

	/** How a sign-in from a page went. */
	public enum SignInOutcome {
		SIGNED_IN, WRONG_PASSWORD, THROTTLED
	}

	private final AuthenticationManager manager;

	private final SignInThrottle throttle;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final ChangeSessionIdAuthenticationStrategy fixation = new ChangeSessionIdAuthenticationStrategy();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	SignIns(AuthenticationManager manager, SignInThrottle throttle) {
		this.manager = manager;
		this.throttle = throttle;
	}

	/** Checks the password like the login form does and, when it matches, signs the person in. */
	public SignInOutcome signIn(String email, String password, HttpServletRequest request, HttpServletResponse response) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
		attempt.setDetails(new WebAuthenticationDetails(request));
		Authentication authentication;
		try {
			authentication = this.manager.authenticate(attempt);
		}
		catch (SignInThrottledException ex) {
			return SignInOutcome.THROTTLED;
		}
		catch (AuthenticationException ex) {
			return SignInOutcome.WRONG_PASSWORD;
		}
		// a new session id, as at the login form, so a session id planted before cannot ride along
		this.fixation.onAuthentication(authentication, request, response);
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(authentication);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return SignInOutcome.SIGNED_IN;
	}

	/** The account's failed sign-ins are forgotten, a lock included (its owner proved themselves by email). */
	public void forgetFailures(String email) {
		this.throttle.forget(email);
	}

}
