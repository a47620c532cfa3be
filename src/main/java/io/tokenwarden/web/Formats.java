package io.tokenwarden.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages show times: {@code ${@formats.relative(t)}} and {@code ${@formats.dateTime(t)}}. */
@Component("formats")
public class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private final Clock clock;

	private final MessageSource messages;

	Formats(Clock clock, MessageSource messages) {
		this.clock = clock;
		this.messages = messages;
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}

	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant);
	}

	/** "in 3 days", "2 hours ago", "just now", in the request's language ({@code time.*} messages). */
	public String relative(Instant instant) {
		return relative(instant, LocaleContextHolder.getLocale());
	}

	/** {@link #relative(Instant)} in {@code locale}. */
	public String relative(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		Duration delta = Duration.between(this.clock.instant(), instant);
		Duration size = delta.abs();
		if (size.toMinutes() < 1) {
			return this.messages.getMessage("time.justNow", null, locale);
		}
		String amount;
		if (size.toHours() < 1) {
			amount = this.messages.getMessage("time.minutes", new Object[] { size.toMinutes() }, locale);
		}
		else if (size.toDays() < 1) {
			amount = this.messages.getMessage("time.hours", new Object[] { size.toHours() }, locale);
		}
		else if (size.toDays() < 60) {
			amount = this.messages.getMessage("time.days", new Object[] { size.toDays() }, locale);
		}
		else {
			amount = this.messages.getMessage("time.months", new Object[] { size.toDays() / 30 }, locale);
		}
		return this.messages.getMessage(delta.isNegative() ? "time.ago" : "time.in", new Object[] { amount }, locale);
	}

	public boolean isPast(Instant instant) {
		return instant != null && instant.isBefore(this.clock.instant());
	}

}
