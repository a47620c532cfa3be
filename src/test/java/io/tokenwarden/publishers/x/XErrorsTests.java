package io.tokenwarden.publishers.x;

import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.http.HttpAnswer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

import static io.tokenwarden.publishers.x.XFixture.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the X classification (docs/publishers.md, "X errors" and "Classification") for the API, OAuth 1.0a and Ads endpoints. */
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
			401 | {"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}       | Expired
			401 | {"errors":[{"code":89,"message":"Invalid or expired token."}]}                            | Expired
			401 | {"errors":[{"code":32,"message":"Could not authenticate you."}]}                          | Misconfigured
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

	@ParameterizedTest(name = "OAuth HTTP {0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			200 | oauth_token=t&oauth_token_secret=s&oauth_callback_confirmed=true | none
			200 | oauth_token=t&user_id=1                                          | Unreachable
			200 | <html></html>                                                    | Unreachable
			401 | {"errors":[{"code":32,"message":"Could not authenticate you."}]} | Misconfigured
			401 | {"errors":[{"code":89,"message":"Invalid or expired token."}]}   | Refused
			401 | Invalid request token.                                           | Refused
			403 | {"errors":[{"code":415,"message":"Callback URL not approved for this client application."}]} | Refused
			503 |                                                                  | Unreachable
			429 | {"title":"Too Many Requests"}                                    | RateLimited
			""")
	void oauthFailureWhenAnsweredThenClassified(int status, String body, String expected) {
		assertThat(outcome(XErrors.oauthFailure(answer(status, body == null ? "" : body), CLOCK))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "invalidate HTTP {0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			200 | {"access_token":"t"}                                             | none
			401 | {"errors":[{"code":89,"message":"Invalid or expired token."}]}   | none
			401 | {"errors":[{"code":32,"message":"Could not authenticate you."}]} | Misconfigured
			503 |                                                                  | Unreachable
			400 | {"errors":[{"code":214,"message":"Bad request"}]}                | Refused
			""")
	void invalidateFailureWhenAnsweredThenAlreadyInvalidCountsAsDone(int status, String body, String expected) {
		assertThat(outcome(XErrors.invalidateFailure(answer(status, body == null ? "" : body), CLOCK))).isEqualTo(expected);
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
			401, UNAUTHORIZED_ACCESS,                               Expired
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
