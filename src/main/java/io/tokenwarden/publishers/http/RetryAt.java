package io.tokenwarden.publishers.http;

import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * When a throttled caller may try again, from each publisher's usage headers. The units differ and
 * are easy to mix up: Meta BUC {@code estimated_time_to_regain_access} is minutes, Meta
 * {@code reset_time_duration} seconds, X {@code x-rate-limit-reset} absolute epoch seconds,
 * {@code Retry-After} seconds (or an HTTP date).
 */
public final class RetryAt {

	/** The wait when a throttled answer carries no usable header. */
	public static final Duration FALLBACK = Duration.ofMinutes(5);

	private RetryAt() {
	}

	public static Instant meta(HttpHeaders headers, Clock clock) {
		Instant now = clock.instant();
		long minutes = longestRegainMinutes(Json.parse(headers.getFirst("x-business-use-case-usage")));
		if (minutes > 0) {
			return now.plus(Duration.ofMinutes(minutes));
		}
		Long seconds = Json.number(Json.parse(headers.getFirst("x-ad-account-usage")), "reset_time_duration");
		if (seconds != null && seconds > 0) {
			return now.plusSeconds(seconds);
		}
		return retryAfterOrFallback(headers, now);
	}

	public static Instant x(HttpHeaders headers, Clock clock) {
		Instant now = clock.instant();
		// the ad-account window takes precedence when present (X Ads rate limiting)
		Instant reset = epoch(headers.getFirst("x-account-rate-limit-reset"));
		if (reset == null) {
			reset = latest(epoch(headers.getFirst("x-rate-limit-reset")), exhausted24h(headers, "x-user-limit-24hour"));
			reset = latest(reset, exhausted24h(headers, "x-app-limit-24hour"));
		}
		if (reset != null) {
			return reset.isBefore(now) ? now : reset;
		}
		return retryAfterOrFallback(headers, now);
	}

	private static long longestRegainMinutes(JsonNode usage) {
		long longest = 0;
		if (usage == null || !usage.isObject()) {
			return longest;
		}
		for (Map.Entry<String, JsonNode> business : usage.properties()) {
			for (JsonNode useCase : business.getValue().values()) {
				Long minutes = Json.number(useCase, "estimated_time_to_regain_access");
				if (minutes != null && minutes > longest) {
					longest = minutes;
				}
			}
		}
		return longest;
	}

	private static Instant exhausted24h(HttpHeaders headers, String prefix) {
		return "0".equals(headers.getFirst(prefix + "-remaining")) ? epoch(headers.getFirst(prefix + "-reset")) : null;
	}

	private static Instant retryAfterOrFallback(HttpHeaders headers, Instant now) {
		String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (retryAfter != null) {
			try {
				return now.plusSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
			}
			catch (NumberFormatException notSeconds) {
				try {
					Instant date = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
					return date.isBefore(now) ? now : date;
				}
				catch (DateTimeParseException notADate) {
					// fall through to the fallback
				}
			}
		}
		return now.plus(FALLBACK);
	}

	private static Instant epoch(String seconds) {
		try {
			return seconds == null ? null : Instant.ofEpochSecond(Long.parseLong(seconds.trim()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Instant latest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isAfter(b) ? a : b;
	}

}
