package io.tokenwarden.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The sign-in itself answers with a redirect before any filter after Spring Security runs, so the new
 * session's device and address are noted here, when the sign-in succeeds.
 */
@Component
class SessionDetailsAtSignIn {

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			if (session != null) {
				SessionDetailsFilter.remember(attributes.getRequest(), session);
			}
		}
	}

}
