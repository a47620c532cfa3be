package io.tokenwarden.publishers.http;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry-at from usage headers, in each header's own unit. */
class RetryAtTests {

	private static final Instant NOW = Instant.parse("2025-10-09T08:50:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static HttpHeaders headers(String... namesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

	@Test
	void metaWhenBucUsageThenTheLongestRegainTimeInMinutes() {
		HttpHeaders headers = headers("x-business-use-case-usage", """
				{"1":[{"type":"ads_management","estimated_time_to_regain_access":19}],"2":[{"type":"ads_insights","estimated_time_to_regain_access":3}]}""");

		assertThat(RetryAt.meta(headers, CLOCK)).isEqualTo(NOW.plus(Duration.ofMinutes(19)));
	}

	@Test
	void metaWhenOnlyAdAccountUsageThenResetTimeInSeconds() {
		HttpHeaders headers = headers("x-ad-account-usage",
				"{\"acc_id_util_pct\":9.67,\"reset_time_duration\":100,\"ads_api_access_tier\":\"standard_access\"}",
				"x-business-use-case-usage", "{\"1\":[{\"estimated_time_to_regain_access\":0}]}");

		assertThat(RetryAt.meta(headers, CLOCK)).isEqualTo(NOW.plusSeconds(100));
	}

	@Test
	void metaWhenOnlyAppUsageOrGarbageThenTheFallback() {
		assertThat(RetryAt.meta(headers("x-app-usage", "{\"call_count\":100}"), CLOCK)).isEqualTo(NOW.plus(RetryAt.FALLBACK));
		assertThat(RetryAt.meta(headers("x-business-use-case-usage", "not json"), CLOCK)).isEqualTo(NOW.plus(RetryAt.FALLBACK));
	}

	@Test
	void xWhenRateLimitResetThenThatEpochSecond() {
		assertThat(RetryAt.x(headers("x-rate-limit-reset", "1760000700"), CLOCK)).isEqualTo(Instant.ofEpochSecond(1760000700));
	}

	@Test
	void xWhenAccountResetPresentThenItTakesPrecedence() {
		HttpHeaders headers = headers("x-rate-limit-reset", "1760000700", "x-account-rate-limit-reset", "1760000100");

		assertThat(RetryAt.x(headers, CLOCK)).isEqualTo(Instant.ofEpochSecond(1760000100));
	}

	@Test
	void xWhenTheDailyUserLimitIsExhaustedThenItsLaterReset() {
		HttpHeaders headers = headers("x-rate-limit-reset", "1760000700", "x-user-limit-24hour-remaining", "0",
				"x-user-limit-24hour-reset", "1760080000");

		assertThat(RetryAt.x(headers, CLOCK)).isEqualTo(Instant.ofEpochSecond(1760080000));
	}

	@Test
	void xWhenResetAlreadyPassedThenNow() {
		assertThat(RetryAt.x(headers("x-rate-limit-reset", "1700000000"), CLOCK)).isEqualTo(NOW);
	}

	@Test
	void retryAfterWhenSecondsOrAnHttpDateThenHonoured() {
		assertThat(RetryAt.x(headers("Retry-After", "60"), CLOCK)).isEqualTo(NOW.plusSeconds(60));
		assertThat(RetryAt.meta(headers("Retry-After", "Thu, 09 Oct 2025 09:00:00 GMT"), CLOCK))
			.isEqualTo(Instant.parse("2025-10-09T09:00:00Z"));
		assertThat(RetryAt.x(new HttpHeaders(), CLOCK)).isEqualTo(NOW.plus(RetryAt.FALLBACK));
	}

}
