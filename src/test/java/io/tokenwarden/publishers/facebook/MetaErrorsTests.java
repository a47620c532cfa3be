package io.tokenwarden.publishers.facebook;

import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.ExpiryReason;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.PermissionMissing;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.PublisherOutcome.Unrecognised;
import io.tokenwarden.publishers.PublisherOutcome.Valid;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

import static io.tokenwarden.publishers.facebook.FacebookFixture.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the Meta classification (docs/publishers.md, "Graph errors" and "Classification"), first match wins. */
class MetaErrorsTests {

	private static HttpAnswer answer(int status, String body) {
		return HttpAnswer.of(status, new HttpHeaders(), body);
	}

	private static String error(String code, String subcode, String isTransient) {
		return "{\"error\":{\"message\":\"m\",\"type\":\"OAuthException\",\"code\":" + code
				+ (subcode == null ? "" : ",\"error_subcode\":" + subcode)
				+ (isTransient == null ? "" : ",\"is_transient\":" + isTransient) + ",\"fbtrace_id\":\"Tr4ce\"}}";
	}

	@ParameterizedTest(name = "HTTP {0}, code {1}/{2}, transient {3} -> {4} {5}")
	@CsvSource(nullValues = "-", textBlock = """
			500, 1,      99,      true,  Unreachable,          -
			400, 1,      -,       -,     Unreachable,          -
			400, 2,      -,       true,  Unreachable,          -
			400, 104,    -,       -,     Unreachable,          -
			400, 960,    -,       -,     Unreachable,          -
			400, -2,     2490547, -,     Unreachable,          -
			400, 100,    -,       true,  Unreachable,          -
			500, 190,    460,     false, Unreachable,          -
			400, 4,      -,       true,  RateLimited,          -
			400, 17,     2446079, -,     RateLimited,          -
			400, 32,     -,       -,     RateLimited,          -
			400, 341,    -,       -,     RateLimited,          -
			400, 613,    1487742, -,     RateLimited,          -
			400, 80000,  2446079, -,     RateLimited,          -
			400, 80004,  2446079, -,     RateLimited,          -
			400, 80014,  -,       -,     RateLimited,          -
			400, 80015,  -,       -,     Refused,              -
			400, 190,    460,     false, Expired,              PASSWORD_CHANGED
			400, 190,    463,     -,     Expired,              EXPIRED
			400, 190,    458,     -,     Expired,              APP_REMOVED
			400, 190,    459,     -,     Expired,              CHECKPOINT
			400, 190,    464,     -,     Expired,              CHECKPOINT
			400, 190,    467,     -,     Expired,              LOGGED_OUT
			400, 190,    -,       -,     Expired,              INVALID
			400, 190,    466,     -,     Expired,              INVALID
			400, 102,    -,       -,     Expired,              INVALID
			400, 100,    1359188, false, FundingSourceInvalid, -
			400, 190,    492,     -,     PermissionMissing,    -
			403, 10,     -,       -,     PermissionMissing,    -
			403, 200,    -,       -,     PermissionMissing,    -
			400, 299,    -,       -,     PermissionMissing,    -
			400, 3,      -,       -,     PermissionMissing,    -
			400, 294,    -,       -,     PermissionMissing,    -
			400, 101,    -,       -,     Misconfigured,        -
			400, 100,    33,      -,     Refused,              -
			400, 368,    -,       -,     Refused,              -
			""")
	void failureOfWhenMetaErrorThenClassifiedInFirstMatchOrder(int status, String code, String subcode,
			String isTransient, String outcome, String reason) {
		PublisherOutcome classified = MetaErrors.failureOf(answer(status, error(code, subcode, isTransient)), CLOCK);

		assertThat(classified.getClass().getSimpleName()).isEqualTo(outcome);
		assertThat(classified.evidence().code()).isEqualTo(code);
		assertThat(classified.evidence().subcode()).isEqualTo(subcode);
		assertThat(classified.evidence().traceId()).isEqualTo("Tr4ce");
		if (reason != null) {
			assertThat(((Expired) classified).reason()).isEqualTo(ExpiryReason.valueOf(reason));
		}
	}

	@ParameterizedTest(name = "HTTP {0} \"{1}\" -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			200 | Service Unavailable                  | body says Service Unavailable
			503 | <html><body>Bad gateway</body></html> | server error
			502 |                                      | server error
			302 |                                      | redirect, not followed
			""")
	void failureOfWhenNoAnswerFromMetaThenUnreachable(int status, String body, String detail) {
		PublisherOutcome classified = MetaErrors.failureOf(answer(status, body), CLOCK);

		assertThat(classified).isInstanceOf(Unreachable.class);
		assertThat(classified.evidence().detail()).isEqualTo(detail);
	}

	@ParameterizedTest(name = "HTTP {0} \"{1}\" -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			200 |                                      | empty body
			200 | {"data":[                            | malformed body
			200 | <html><body>Log in</body></html>     | HTML body
			404 | {"data":[]}                          | unexpected answer without an error code
			""")
	void failureOfWhenMetaAnsweredButNotReadablyThenUnrecognisedWithTheAnswersShape(int status, String body,
			String detail) {
		PublisherOutcome classified = MetaErrors.failureOf(answer(status, body), CLOCK);

		assertThat(classified).isInstanceOf(Unrecognised.class);
		assertThat(classified.evidence().detail()).startsWith(detail + " (HTTP " + status + ", ")
			.contains((body == null ? 0 : body.length()) + " characters");
		assertThat(classified.evidence().httpStatus()).isEqualTo(status);
	}

	@Test
	void failureOfWhenSuccessThenNoneAndTraceComesFromTheHeader() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-fb-trace-id", "HdrTrace");
		HttpAnswer ok = HttpAnswer.of(200, headers, "{\"id\":\"1\"}");

		assertThat(MetaErrors.failureOf(ok, CLOCK)).isNull();
		assertThat(MetaErrors.failureOf(HttpAnswer.of(200, headers, "true"), CLOCK)).isNull();
		assertThat(MetaErrors.evidence(ok).traceId()).isEqualTo("HdrTrace");
	}

	@Test
	void failureOfWhenNoAnswerAtAllThenUnreachableOrMisconfiguredForAForeignHost() {
		assertThat(MetaErrors.failureOf(HttpAnswer.fault(HttpAnswer.Fault.TIMEOUT), CLOCK)).isInstanceOf(Unreachable.class);
		assertThat(MetaErrors.failureOf(HttpAnswer.fault(HttpAnswer.Fault.HOST_NOT_ALLOWED), CLOCK))
			.isInstanceOf(PublisherOutcome.Misconfigured.class);
	}

	@ParameterizedTest(name = "is_valid {0}, expires {1}, data access {2}, subcode {3} -> {4} {5}")
	@CsvSource(nullValues = "-", textBlock = """
			true,  1756676330, 1761860330, -,   Valid,             -
			true,  0,          0,          -,   Valid,             -
			true,  1700000000, 1761860330, -,   Expired,           EXPIRED
			true,  1756676330, 1700000000, -,   Expired,           DATA_ACCESS_EXPIRED
			false, 1756676330, -,          460, Expired,           PASSWORD_CHANGED
			false, 1756676330, -,          458, Expired,           APP_REMOVED
			false, 1700000000, -,          -,   Expired,           EXPIRED
			false, 1756676330, 1700000000, -,   Expired,           DATA_ACCESS_EXPIRED
			false, 1756676330, 1761860330, -,   Expired,           INVALID
			false, 1756676330, -,          492, PermissionMissing, -
			""")
	void debugTokenWhenDataReadThenVerdict(boolean valid, long expiresAt, Long dataAccess, Integer subcode,
			String outcome, String reason) {
		String data = "{\"is_valid\":" + valid + ",\"expires_at\":" + expiresAt
				+ (dataAccess == null ? "" : ",\"data_access_expires_at\":" + dataAccess)
				+ (subcode == null ? (valid ? "" : ",\"error\":{\"code\":190,\"message\":\"Invalid OAuth access token.\"}")
						: ",\"error\":{\"code\":190,\"message\":\"m\",\"subcode\":" + subcode + "}")
				+ ",\"scopes\":[\"ads_read\"]}";

		PublisherOutcome verdict = DebugTokens.read(Json.parse(data), Evidence.of(Publisher.FACEBOOK, "answered"), CLOCK);

		assertThat(verdict.getClass().getSimpleName()).isEqualTo(outcome);
		if (reason != null) {
			assertThat(((Expired) verdict).reason()).isEqualTo(ExpiryReason.valueOf(reason));
		}
		if (verdict instanceof Valid v && expiresAt == 0) {
			assertThat(v.expiresAt()).isNull();
		}
		if (verdict instanceof PermissionMissing missing) {
			assertThat(missing.evidence().subcode()).isEqualTo("492");
		}
	}

	@Test
	void debugTokenWhenIsValidMissingThenUnrecognisedNotExpired() {
		assertThat(DebugTokens.read(Json.parse("{\"scopes\":[]}"), Evidence.of(Publisher.FACEBOOK, "answered"), CLOCK))
			.isInstanceOf(Unrecognised.class);
	}

}
