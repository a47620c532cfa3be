package io.tokenwarden.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser in miniature for the session tests: keeps the SESSION cookie itself (whatever its
 * Secure flag says, so that a test can still follow it) and follows no redirects.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("^SESSION=([^;]*)");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final int port;

	private String session;

	Browser(int port) {
		this.port = port;
	}

	Browser withSession(String session) {
		this.session = session;
		return this;
	}

	String session() {
		return this.session;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	/** Posts the form fields given as name, value, name, value ... */
	HttpResponse<String> post(String path, String... fields) throws IOException, InterruptedException {
		StringBuilder form = new StringBuilder();
		for (int i = 0; i < fields.length; i += 2) {
			form.append(form.isEmpty() ? "" : "&").append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
		}
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString())));
	}

	/** The CSRF field of the page at {@code path}, as name and value. */
	String[] csrfOf(String path) throws IOException, InterruptedException {
		Matcher csrf = CSRF.matcher(get(path).body());
		if (!csrf.find()) {
			throw new IllegalStateException(path + " has no CSRF token");
		}
		return new String[] { "_csrf", csrf.group(1) };
	}

	HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
		String[] csrf = csrfOf("/login");
		return post("/login", "username", email, "password", password, csrf[0], csrf[1]);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (this.session != null) {
			request.header("Cookie", "SESSION=" + this.session);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		response.headers().allValues("Set-Cookie").forEach(cookie -> {
			Matcher session = SESSION.matcher(cookie);
			if (session.find()) {
				this.session = session.group(1).isEmpty() ? null : session.group(1);
			}
		});
		return response;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
