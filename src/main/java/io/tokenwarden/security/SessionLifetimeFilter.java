package io.tokenwarden.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The absolute lifetime: a session signed in longer ago than {@code tokenwarden.sessions.max-age} ends on
 * its next request, however active it stayed, and the request goes on as anyone's (to the sign-in page).
 * Right after the session store, before Spring Security reads the session.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	private final Duration maxAge;

	/** The session store's own clock: Spring Session stamps creation and last access with the system time. */
	private final Clock sessionClock = Clock.systemUTC();

	SessionLifetimeFilter(Duration maxAge) {
		this.maxAge = maxAge;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && isTooOld(session)) {
			session.invalidate();
		}
		chain.doFilter(request, response);
	}

	private boolean isTooOld(HttpSession session) {
		try {
			return Instant.ofEpochMilli(session.getCreationTime()).plus(this.maxAge).isBefore(this.sessionClock.instant());
		}
		catch (IllegalStateException ex) {
			// already invalidated
			return false;
		}
	}

}
