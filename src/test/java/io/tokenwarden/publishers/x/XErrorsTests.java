package io.tokenwarden.publishers.x;

import io.tokenwarden.publishers.ExpiryReason;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.http.HttpAnswer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

import static io.tokenwarden.publishers.x.XFixture.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the X classification (docs/publishers.md, "X errors" and "Classification") for the API, token and Ads endpoints. */
class XErrorsTests {

	private static HttpAnswer answer(int status, String body) {
		return HttpAnswer.of(status, new HttpHeaders(), body);
	}

	private static String outcome(PublisherOutcome outcome) {
		return outcome == null ? "none" : outcome.getClass().getSimpleName();
	}

	@ParameterizedTest(name = "API HTTP {0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			200 | {"data":{"id":"2244994945","name":"X Developers","username":"XDevelopers"}}              | none
			200 | {"errors":[{"title":"Not Found Error"}]}                                                  | Unreachable
			200 | <html></html>                                                                             | Unreachable
			401 | {"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}       | Unreachable
			403 | {"title":"Forbidden","type":"https://api.x.com/2/problems/not-authorized-for-resource"}  | PermissionMissing
			429 | {"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429} | RateLimited
			429 | {"title":"UsageCapExceeded","type":"https://api.x.com/2/problems/usage-capped"}          | RateLimited
			420 | {}                                                                                        | RateLimited
			503 | {"title":"Service Unavailable","type":"about:blank","status":503}                         | Unreachable
			500 |                                                                                           | Unreachable
			301 |                                                                                           | Unreachable
			400 | {"title":"Invalid Request","type":"https://api.x.com/2/problems/invalid-request"}        | Refused
			402 | {"title":"Payment Required"}                                                              | Refused
			""")
	void apiFailureWhenAnsweredThenClassified(int status, String body, String expected) {
		assertThat(outcome(XErrors.apiFailure(answer(status, body), CLOCK))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "token HTTP {0} {1}, refresh grant {2} -> {3}")
	@CsvSource(delimiter = '|', textBlock = """
			200 | {"token_type":"bearer","expires_in":7200,"access_token":"a","refresh_token":"r"} | true  | none
			200 | {"token_type":"bearer"}                                                        | true  | Unreachable
			400 | {"error":"invalid_request","error_description":"Value passed for the token was invalid."} | true  | Expired
			400 | {"error":"invalid_grant"}                                                      | true  | Expired
			400 | {"error":"invalid_request","error_description":"Value passed for the authorization code was invalid."} | false | Refused
			401 | {"error":"unauthorized_client","error_description":"Missing valid authorization header"} | true  | Misconfigured
			400 | {"error":"invalid_client"}                                                     | true  | Misconfigured
			401 | {"title":"Unauthorized"}                                                       | true  | Misconfigured
			503 | {"error":"temporarily_unavailable"}                                            | true  | Unreachable
			500 |                                                                                | true  | Unreachable
			429 | {"title":"Too Many Requests"}                                                  | true  | RateLimited
			400 | {"error":"unsupported_grant_type"}                                             | true  | Refused
			""")
	void tokenFailureWhenAnsweredThenClassified(int status, String body, boolean refreshGrant, String expected) {
		PublisherOutcome classified = XErrors.tokenFailure(answer(status, body), refreshGrant, CLOCK);

		assertThat(outcome(classified)).isEqualTo(expected);
		if (classified instanceof Expired expired) {
			assertThat(expired.reason()).isEqualTo(ExpiryReason.INVALID);
		}
	}

	@ParameterizedTest(name = "Ads HTTP {0} {1} -> {2}")
	@CsvSource(textBlock = """
			503, SERVICE_UNAVAILABLE,                               Unreachable
			503, OVER_CAPACITY,                                     Unreachable
			500, INTERNAL_ERROR,                                    Unreachable
			408, CANCELLED_REQUEST,                                 Unreachable
			423, LOCK_ACQUISITION_TIMEOUT,                          Unreachable
			429, TOO_MANY_REQUESTS,                                 RateLimited
			429, TWEET_RATE_LIMIT_EXCEEDED,                         RateLimited
			400, INVALID_FUNDING_INSTRUMENT,                        FundingSourceInvalid
			403, FUNDING_INSTRUMENT_EXCEEDS_AVAILABLE_CREDIT_LIMIT, FundingSourceInvalid
			404, FUNDING_INSTRUMENT_NOT_FOUND,                      FundingSourceInvalid
			403, FUNDING_INSTRUMENT_ACCESS_NOT_ALLOWED,             FundingSourceInvalid
			400, SPEND_EXCEEDS_BUDGET,                              FundingSourceInvalid
			401, UNAUTHORIZED_ACCESS,                               PermissionMissing
			403, CURRENT_USER_SUSPENDED,                            Refused
			400, INVALID_PARAMETER,                                 Refused
			""")
	void adsFailureWhenAdsErrorThenClassifiedWithItsCode(int status, String code, String expected) {
		String body = "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"m\"}],\"request\":{\"params\":{}}}";

		PublisherOutcome classified = XErrors.adsFailure(answer(status, body), CLOCK);

		assertThat(outcome(classified)).isEqualTo(expected);
		assertThat(classified.evidence().code()).isEqualTo(code);
	}

	@ParameterizedTest(name = "Ads HTTP {0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			200 | {"data":[],"next_cursor":null} | none
			200 | {"data":{}}                    | Unreachable
			503 | <html>Service Unavailable</html> | Unreachable
			""")
	void adsFailureWhenNoErrorEnvelopeThenByStatusAndShape(int status, String body, String expected) {
		assertThat(outcome(XErrors.adsFailure(answer(status, body), CLOCK))).isEqualTo(expected);
	}

}
