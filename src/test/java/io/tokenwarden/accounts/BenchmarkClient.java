package io.tokenwarden.accounts;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One signed-in person of the benchmark: a plain {@link HttpClient} with its own session cookie. */
final class BenchmarkClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final BenchmarkApp app;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private BenchmarkClient(BenchmarkApp app) {
		this.app = app;
	}

	/** Signs in through the login form, as a browser would. */
	static BenchmarkClient signIn(BenchmarkApp app, String email, String password) throws IOException,
			InterruptedException {
		BenchmarkClient client = new BenchmarkClient(app);
		Matcher csrf = CSRF.matcher(client.get("/login"));
		if (!csrf.find()) {
			throw new IllegalStateException("the login page has no CSRF token");
		}
		String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
		HttpResponse<Void> response = client.http.send(HttpRequest.newBuilder(app.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || !location.endsWith("/config/accounts")) {
			throw new IllegalStateException("sign-in failed: " + response.statusCode() + " to " + location);
		}
		return client;
	}

	/** The body of a page that must answer 200. */
	String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.app.uri(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return response.body();
	}

	/** How long a GET of {@code path} took, from sending to the last byte, in nanoseconds. */
	long timedGet(String path) throws IOException, InterruptedException {
		long start = System.nanoTime();
		get(path);
		return System.nanoTime() - start;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
