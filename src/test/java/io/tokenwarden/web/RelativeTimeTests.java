package io.tokenwarden.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relative times ("3 minutes ago", "in 2 days") come from the {@code time.*} messages of the request's language,
 * the English ones from messages.properties.
 */
class RelativeTimeTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

	private final Formats formats = new Formats(this.clock, french(english()));

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void relativeWhenTheRequestIsInEnglishThenTheWordsOfMessagesProperties() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		Instant now = this.clock.instant();

		assertThat(this.formats.relative(now.minus(Duration.ofMinutes(3)))).isEqualTo("3 minutes ago");
		assertThat(this.formats.relative(now.plus(Duration.ofMinutes(3)))).isEqualTo("in 3 minutes");
		assertThat(this.formats.relative(now.minus(Duration.ofMinutes(1)))).isEqualTo("1 minute ago");
		assertThat(this.formats.relative(now.plus(Duration.ofDays(2)))).isEqualTo("in 2 days");
		assertThat(this.formats.relative(now.plus(Duration.ofHours(1)))).isEqualTo("in 1 hour");
		assertThat(this.formats.relative(now.minus(Duration.ofDays(90)))).isEqualTo("3 months ago");
		assertThat(this.formats.relative(now.plusSeconds(20))).isEqualTo("just now");
	}

	@Test
	void relativeWhenTheRequestIsInFrenchThenTheFrenchWordsOfTheSameKeys() {
		LocaleContextHolder.setLocale(Locale.FRENCH);
		Instant now = this.clock.instant();

		assertThat(this.formats.relative(now.minus(Duration.ofMinutes(3)))).isEqualTo("il y a 3 minutes");
		assertThat(this.formats.relative(now.plus(Duration.ofDays(2)))).isEqualTo("dans 2 jours");
		assertThat(this.formats.relative(now.minusSeconds(20))).isEqualTo("à l'instant");
		assertThat(this.formats.relative(now.minus(Duration.ofMinutes(3)), Locale.ENGLISH)).isEqualTo("3 minutes ago");
	}

	private static ResourceBundleMessageSource english() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/** A second language for the time words alone, over the real English messages. */
	private static StaticMessageSource french(ResourceBundleMessageSource english) {
		StaticMessageSource french = new StaticMessageSource();
		french.setParentMessageSource(english);
		french.addMessage("time.justNow", Locale.FRENCH, "à l'instant");
		french.addMessage("time.ago", Locale.FRENCH, "il y a {0}");
		french.addMessage("time.in", Locale.FRENCH, "dans {0}");
		french.addMessage("time.minutes", Locale.FRENCH, "{0,choice,1#1 minute|1<{0} minutes}");
		french.addMessage("time.days", Locale.FRENCH, "{0,choice,1#1 jour|1<{0} jours}");
		return french;
	}

}
