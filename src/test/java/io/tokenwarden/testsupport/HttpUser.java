package io.tokenwarden.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person using the console over real HTTP on 127.0.0.1, with their cookies; follows no redirects. Like a
 * browser behind the TLS-terminating proxy of an installation, it sends Secure cookies over plain http.
 */
public final class HttpUser {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new BehindTls())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	public HttpUser(int port) {
		this.port = port;
	}

	/** Signs in through the login form; fails unless the console accepted the password. */
	public HttpUser signIn(String email, String password) throws IOException, InterruptedException {
		HttpResponse<String> answer = post("/login", csrfOf("/login"), "username", email, "password", password);
		if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in of " + email + " refused: " + answer.statusCode());
		}
		return this;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts the form fields given as name, value, name, value ..., with the CSRF token given first. */
	public HttpResponse<String> post(String path, String csrf, String... fields) throws IOException, InterruptedException {
		StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf));
		for (int i = 0; i < fields.length; i += 2) {
			form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
		}
		return this.http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The CSRF token of the form on the page at {@code path}. */
	public String csrfOf(String path) throws IOException, InterruptedException {
		Matcher field = CSRF_FIELD.matcher(get(path).body());
		if (!field.find()) {
			throw new IllegalStateException(path + " has no CSRF token");
		}
		return field.group(1);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).timeout(Duration.ofSeconds(30));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Hands Secure cookies to plain http requests too: the proxy in front of an installation speaks https. */
	private static final class BehindTls extends CookieManager {

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
			return super.get(URI.create(uri.toString().replaceFirst("^http:", "https:")), requestHeaders);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
			super.put(URI.create(uri.toString().replaceFirst("^http:", "https:")), responseHeaders);
		}

	}

}
