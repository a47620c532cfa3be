package io.tokenwarden.publishers.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets a request through only to a configured publisher origin (scheme, host and port), so a link
 * taken from a publisher's answer can never make Token Warden call somewhere else with a token.
 */
public final class OutboundAllowlist implements ClientHttpRequestInterceptor {

	private static final Logger log = LoggerFactory.getLogger(OutboundAllowlist.class);

	private final Set<String> origins;

	public OutboundAllowlist(Collection<URI> allowed) {
		this.origins = allowed.stream().map(OutboundAllowlist::origin).collect(Collectors.toUnmodifiableSet());
	}

	public boolean allows(URI uri) {
		return uri.isAbsolute() && uri.getHost() != null && this.origins.contains(origin(uri));
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!allows(request.getURI())) {
			// the host is not secret; the path and query may carry ids, so they stay out of the log
			log.warn("Refused an outbound call to {}, which is not a configured publisher host", request.getURI().getHost());
			throw new HostNotAllowedException();
		}
		return execution.execute(request, body);
	}

	static String origin(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
		return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
	}

	/** A call to a host outside the allowlist, stopped before any connection. */
	static final class HostNotAllowedException extends IOException {

		HostNotAllowedException() {
			super("host not allowed");
		}

	}

}
