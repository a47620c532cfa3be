package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Applies a publisher's mode to every API call before it reaches its controller: down (503 with an
 * HTML body, as an edge server sends), slow (a real server-side wait past the adapters' read
 * timeout), rate-limited (the publisher's own throttle answer), or normal (usage headers only).
 */
class PublisherModeInterceptor implements HandlerInterceptor {

	private static final String DOWN_PAGE = """
			<!DOCTYPE html>
			<html><head><title>503 Service Unavailable</title></head>
			<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body>
			</html>
			""";

	private static final Duration STEP = Duration.ofMillis(250);

	private final Publisher publisher;

	private final SandboxDirectory directory;

	private final SandboxSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	PublisherModeInterceptor(Publisher publisher, SandboxDirectory directory, SandboxSettings settings, JsonMapper json,
			Clock clock) {
		this.publisher = publisher;
		this.directory = directory;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
		PublisherMode mode = this.directory.mode(this.publisher);
		switch (mode) {
			case DOWN -> {
				write(response, 503, MediaType.TEXT_HTML, DOWN_PAGE);
				return false;
			}
			case RATE_LIMITED -> {
				rateLimited(response);
				return false;
			}
			case SLOW -> stall();
			case NORMAL -> usageHeaders(response, false);
		}
		return true;
	}

	private void rateLimited(HttpServletResponse response) throws IOException {
		usageHeaders(response, true);
		if (this.publisher == Publisher.FACEBOOK) {
			write(response, 400, MediaType.APPLICATION_JSON, this.json.writeValueAsString(GraphError.rateLimited().body()));
		}
		else {
			write(response, 429, MediaType.APPLICATION_JSON,
					this.json.writeValueAsString(SandboxXApi.problem("Too Many Requests", 429, "Too Many Requests")));
		}
	}

	// Facebook reports usage in percent (and minutes to wait); X in calls left and the epoch second of the reset
	private void usageHeaders(HttpServletResponse response, boolean exhausted) {
		if (this.publisher == Publisher.FACEBOOK) {
			int used = exhausted ? 100 : 3;
			response.setHeader("x-app-usage", this.json.writeValueAsString(
					Map.of("call_count", used, "total_time", used, "total_cputime", used)));
			if (exhausted) {
				response.setHeader("x-business-use-case-usage", this.json.writeValueAsString(Map.of(
						SandboxApps.FACEBOOK_APP_ID, List.of(Map.of("type", "ads_management", "call_count", 100,
								"total_cputime", 34, "total_time", 41, "estimated_time_to_regain_access", 15,
								"ads_api_access_tier", "standard_access")))));
			}
		}
		else {
			long reset = this.clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond();
			response.setHeader("x-rate-limit-limit", "75");
			response.setHeader("x-rate-limit-remaining", exhausted ? "0" : "74");
			response.setHeader("x-rate-limit-reset", String.valueOf(reset));
		}
	}

	/**
	 * The product, not a test: a slow publisher really keeps the caller waiting. It waits in short
	 * steps, so bringing the publisher back to normal releases the calls it is holding.
	 */
	private void stall() {
		Instant until = this.clock.instant().plus(this.settings.slowDelay());
		Duration left = Duration.between(this.clock.instant(), until);
		while (!left.isNegative() && !left.isZero() && this.directory.mode(this.publisher) == PublisherMode.SLOW) {
			try {
				Thread.sleep(Math.min(STEP.toMillis(), left.toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			left = Duration.between(this.clock.instant(), until);
		}
	}

	private static void write(HttpServletResponse response, int status, MediaType type, String body) throws IOException {
		response.setStatus(status);
		response.setContentType(type.toString());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(body);
	}

}
