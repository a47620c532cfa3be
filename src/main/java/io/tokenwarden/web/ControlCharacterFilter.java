package io.tokenwarden.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Refuses a request whose parameters (names or values, query or form) hold a control character other
 * than tab, CR and LF (NUL above all): 400 with a page that says so (a problem under {@code /api/}),
 * before anything reaches the database, which cannot store NUL and whose failure would otherwise be a 500.
 */
class ControlCharacterFilter extends OncePerRequestFilter {

	static final String REASON = "400.control";

	private final ErrorPageRenderer pages;

	ControlCharacterFilter(ErrorPageRenderer pages) {
		this.pages = pages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasControlCharacters(request.getParameterMap())) {
			this.pages.render(request, response, HttpServletResponse.SC_BAD_REQUEST, REASON);
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean hasControlCharacters(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (isRefused(parameter.getKey())) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (isRefused(value)) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean isRefused(String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
				return true;
			}
		}
		return false;
	}

}
