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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How pages show times: {@code ${@formats.relative(t)}} and {@code ${@formats.dateTime(t)}}. */
@Component("formats")
public class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private final Clock clock;

	private final MessageSource messages;

	private final Map<Relative, String> relatives = new ConcurrentHashMap<>();

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
		Relative relative;
		if (size.toHours() < 1) {
			relative = new Relative("time.minutes", size.toMinutes(), delta.isNegative(), locale);
		}
		else if (size.toDays() < 1) {
			relative = new Relative("time.hours", size.toHours(), delta.isNegative(), locale);
		}
		else if (size.toDays() < 60) {
			relative = new Relative("time.days", size.toDays(), delta.isNegative(), locale);
		}
		else {
			relative = new Relative("time.months", size.toDays() / 30, delta.isNegative(), locale);
		}
		return this.relatives.computeIfAbsent(relative, this::words);
	}

	/**
	 * "3 days ago" in words. A page of accounts shows a hundred of these, from a few dozen distinct
	 * ones, so each is put in words once (two message formats) and kept: a few hundred at most (the
	 * amounts stop at 60 minutes, 24 hours and 60 days; months are as many as the dates shown).
	 */
	private String words(Relative relative) {
		String amount = this.messages.getMessage(relative.unit(), new Object[] { relative.amount() }, relative.locale());
		return this.messages.getMessage(relative.past() ? "time.ago" : "time.in", new Object[] { amount },
				relative.locale());
	}

	private record Relative(String unit, long amount, boolean past, Locale locale) {
	}

	public boolean isPast(Instant instant) {
		return instant != null && instant.isBefore(this.clock.instant());
	}

}
