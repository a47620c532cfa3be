package io.tokenwarden.web;

import io.tokenwarden.database.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Outermost but for the character set and the control-character check: a request that failed because
 * the database cannot be reached (the pool gave up after its connection timeout, a connection broke)
 * gets a 503 page that says so (a problem under {@code /api/}), with no stack trace, wherever it failed:
 * in a page, in the API's token check, or in the session store before or after it.
 */
class DatabaseDownFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseDownFilter.class);

	static final String REASON = "503.database";

	private final ErrorPageRenderer pages;

	DatabaseDownFilter(ErrorPageRenderer pages) {
		this.pages = pages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseFailures.isUnreachable(ex)) {
				throw ex;
			}
			log.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
					request.getRequestURI(), rootCause(ex));
			if (response.isCommitted()) {
				return;
			}
			response.reset();
			response.setHeader("Retry-After", "10");
			this.pages.render(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, REASON);
		}
	}

	/** The first cause's class and message: a connection failure names the server, never a statement's values. */
	private static String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
