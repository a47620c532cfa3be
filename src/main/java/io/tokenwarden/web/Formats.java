package io.tokenwarden.web;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show times: {@code ${@formats.relative(t)}} and {@code ${@formats.dateTime(t)}}. */
@Component("formats")
public class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private final Clock clock;

	Formats(Clock clock) {
		this.clock = clock;
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}

	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant);
	}

	/** "in 3 days", "2 hours ago", "just now". */
	public String relative(Instant instant) {
		if (instant == null) {
			return "";
		}
		Duration delta = Duration.between(this.clock.instant(), instant);
		boolean future = !delta.isNegative();
		Duration size = delta.abs();
		String amount;
		if (size.toMinutes() < 1) {
			return "just now";
		}
		else if (size.toHours() < 1) {
			amount = plural(size.toMinutes(), "minute");
		}
		else if (size.toDays() < 1) {
			amount = plural(size.toHours(), "hour");
		}
		else if (size.toDays() < 60) {
			amount = plural(size.toDays(), "day");
		}
		else {
			amount = plural(size.toDays() / 30, "month");
		}
		return future ? "in " + amount : amount + " ago";
	}

	public boolean isPast(Instant instant) {
		return instant != null && instant.isBefore(this.clock.instant());
	}

	private static String plural(long n, String unit) {
		return n + " " + unit + (n == 1 ? "" : "s");
	}

}
