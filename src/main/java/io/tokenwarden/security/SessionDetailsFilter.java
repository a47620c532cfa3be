package io.tokenwarden.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Objects;

/**
 * Remembers, in a signed-in session, the device (its browser's User-Agent) and the address it was last
 * used from, for {@code /account/sessions}. Written only when they change, so a page costs no extra write.
 */
class SessionDetailsFilter extends OncePerRequestFilter {

	static final String DEVICE = "tokenwarden.session.device";

	static final String ADDRESS = "tokenwarden.session.address";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			remember(request, session);
		}
		chain.doFilter(request, response);
	}

	/** Notes the request's device and address in its session (at sign-in, and whenever they change). */
	static void remember(HttpServletRequest request, HttpSession session) {
		remember(session, DEVICE, cut(request.getHeader(HttpHeaders.USER_AGENT), 300));
		remember(session, ADDRESS, cut(request.getRemoteAddr(), 64));
	}

	private static void remember(HttpSession session, String name, String value) {
		try {
			if (value != null && !Objects.equals(session.getAttribute(name), value)) {
				session.setAttribute(name, value);
			}
		}
		catch (IllegalStateException ex) {
			// the session ended during this request (signed out)
		}
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
