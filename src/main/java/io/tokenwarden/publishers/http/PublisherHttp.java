package io.tokenwarden.publishers.http;

import io.tokenwarden.publishers.PublisherSettings;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.util.Collection;

/**
 * The HTTP plumbing every adapter shares: a {@link RestClient} on the JDK client with the configured
 * timeouts, no redirects and the {@link OutboundAllowlist}, from the builder it is given (Boot's, whose
 * observations time every call by host); and {@link #exchange}, which turns any answer or fault into an
 * {@link HttpAnswer} instead of an exception.
 */
public final class PublisherHttp {

	private PublisherHttp() {
	}

	public static RestClient restClient(RestClient.Builder builder, PublisherSettings settings,
			Collection<URI> allowedOrigins) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			// a redirect is an answer to classify, never a place to send a token
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(settings.readTimeout());
		return builder.requestFactory(factory)
			.requestInterceptor(new OutboundAllowlist(allowedOrigins))
			.build();
	}

	/** Sends the request and reads the whole answer; never throws for what happens on the wire. */
	public static HttpAnswer exchange(RestClient.RequestHeadersSpec<?> request) {
		try {
			return request.exchange((req, res) -> HttpAnswer.read(res), true);
		}
		catch (RestClientException | UncheckedIOException ex) {
			return HttpAnswer.fault(faultOf(ex));
		}
	}

	static HttpAnswer.Fault faultOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OutboundAllowlist.HostNotAllowedException) {
				return HttpAnswer.Fault.HOST_NOT_ALLOWED;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return HttpAnswer.Fault.TIMEOUT;
			}
			if (cause instanceof ConnectException) {
				return HttpAnswer.Fault.CONNECTION_FAILED;
			}
		}
		return HttpAnswer.Fault.CONNECTION_FAILED;
	}

}
