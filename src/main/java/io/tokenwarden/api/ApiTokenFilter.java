package io.tokenwarden.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads {@code Authorization: Bearer <token>} and, for a token that works, makes its caller the
 * request's principal. A request without a working token goes on unauthenticated, and the chain's
 * entry point answers 401. The token itself is never logged nor kept.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	static final String AUTHORITY = "API_READ";

	private static final String BEARER = "bearer ";

	private final ApiTokens tokens;

	ApiTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			Optional<ApiCaller> caller = this.tokens.authenticate(header.substring(BEARER.length()).strip());
			if (caller.isPresent()) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new CallerAuthentication(caller.get()));
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * The caller as Spring Security's principal. Its name is the token's, not the person's email: the
	 * console's per-person helpers (the current agency of a session) then find no person and create no
	 * session; the API reads the agency from the caller.
	 */
	static final class CallerAuthentication extends AbstractAuthenticationToken {

		private final ApiCaller caller;

		CallerAuthentication(ApiCaller caller) {
			super(AuthorityUtils.createAuthorityList(AUTHORITY));
			this.caller = caller;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public ApiCaller getPrincipal() {
			return this.caller;
		}

		@Override
		public String getName() {
			return "api-token:" + this.caller.tokenId();
		}

	}

}
