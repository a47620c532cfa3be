package io.tokenwarden.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Absolute links and redirects never come from the request's {@code Host} or {@code X-Forwarded-*}
 * headers, which anyone can send. Outside the demo the console's public address is
 * {@code tokenwarden.base-url}: the request reads as if it came to that address (so Spring Security's
 * redirects and the OAuth redirect URIs use it) and relative redirects are made absolute with it. In the
 * demo, which serves this machine only, redirects to the console itself are sent relative.
 */
class PublicAddressFilter extends OncePerRequestFilter {

	private static final Set<String> FORWARDED = Set.of("forwarded", "x-forwarded-host", "x-forwarded-proto",
			"x-forwarded-port", "x-forwarded-prefix", "x-forwarded-ssl");

	/** The public origin ({@code https://console.example}), or null in the demo. */
	private final URI origin;

	PublicAddressFilter(String baseUrl, boolean demo) {
		this.origin = demo ? null : origin(URI.create(baseUrl));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestOrigin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
		HttpServletRequest publicRequest = this.origin == null ? new Unforwarded(request) : new AtPublicAddress(request);
		chain.doFilter(publicRequest, new Redirects(response, URI.create(requestOrigin), request.getRequestURI()));
	}

	private static URI origin(URI baseUrl) {
		int port = baseUrl.getPort() != -1 ? baseUrl.getPort() : "https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80;
		return URI.create(baseUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + baseUrl.getHost() + ":" + port);
	}

	private static boolean isDefaultPort(URI origin) {
		return (origin.getPort() == 443 && "https".equals(origin.getScheme()))
				|| (origin.getPort() == 80 && "http".equals(origin.getScheme()));
	}

	/** The request without the headers a proxy may add, which nobody here has said to trust. */
	private static class Unforwarded extends HttpServletRequestWrapper {

		Unforwarded(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			return FORWARDED.contains(name.toLowerCase(Locale.ROOT)) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return FORWARDED.contains(name.toLowerCase(Locale.ROOT)) ? Collections.emptyEnumeration()
					: super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			names.removeIf(name -> FORWARDED.contains(name.toLowerCase(Locale.ROOT)));
			return Collections.enumeration(names);
		}

	}

	/** The request as it reads at the public address. */
	private final class AtPublicAddress extends Unforwarded {

		AtPublicAddress(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getScheme() {
			return PublicAddressFilter.this.origin.getScheme();
		}

		@Override
		public boolean isSecure() {
			return "https".equals(getScheme());
		}

		@Override
		public String getServerName() {
			return PublicAddressFilter.this.origin.getHost();
		}

		@Override
		public int getServerPort() {
			return PublicAddressFilter.this.origin.getPort();
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(publicOrigin()).append(getRequestURI());
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.HOST.equalsIgnoreCase(name) ? host() : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.HOST.equalsIgnoreCase(name) ? Collections.enumeration(List.of(host()))
					: super.getHeaders(name);
		}

		private String host() {
			URI origin = PublicAddressFilter.this.origin;
			return isDefaultPort(origin) ? origin.getHost() : origin.getHost() + ":" + origin.getPort();
		}

	}

	/** The console's public origin as links show it: no default port. */
	private String publicOrigin() {
		return isDefaultPort(this.origin) ? this.origin.getScheme() + "://" + this.origin.getHost()
				: this.origin.toString();
	}

	/** Redirects to the console itself: absolute at the public address, or (in the demo) relative. */
	private final class Redirects extends HttpServletResponseWrapper {

		private final URI requestOrigin;

		private final String requestUri;

		Redirects(HttpServletResponse response, URI requestOrigin, String requestUri) {
			super(response);
			this.requestOrigin = requestOrigin;
			this.requestUri = requestUri;
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			super.sendRedirect(rewrite(location));
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? rewrite(value) : value);
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? rewrite(value) : value);
		}

		private String rewrite(String location) {
			if (location == null) {
				return null;
			}
			URI target;
			try {
				target = URI.create(location);
			}
			catch (IllegalArgumentException ex) {
				return location;
			}
			String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
			String rest = (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
					+ (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
			boolean toThisConsole = !target.isAbsolute() || sameOrigin(target, this.requestOrigin)
					|| (PublicAddressFilter.this.origin != null && sameOrigin(target, PublicAddressFilter.this.origin));
			if (!toThisConsole || location.startsWith("//")) {
				// another site (the publisher's consent page): as it is
				return location;
			}
			String absolutePath = path.startsWith("/") ? path : URI.create(this.requestUri).resolve(path).getRawPath();
			return (PublicAddressFilter.this.origin == null ? "" : publicOrigin()) + absolutePath + rest;
		}

		private static boolean sameOrigin(URI target, URI origin) {
			if (!target.isAbsolute() || target.getHost() == null) {
				return false;
			}
			int port = target.getPort() != -1 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
			return target.getScheme().equalsIgnoreCase(origin.getScheme()) && target.getHost().equalsIgnoreCase(origin.getHost())
					&& port == origin.getPort();
		}

	}

}
