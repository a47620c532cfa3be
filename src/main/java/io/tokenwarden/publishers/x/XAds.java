package io.tokenwarden.publishers.x;

import io.tokenwarden.publishers.AdAccountBilling;
import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.FundingSourceInvalid;
import io.tokenwarden.publishers.PublisherOutcome.Unreachable;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.Json;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The X Ads billing probe: an account can pay when one funding instrument is ACTIVE and
 * {@code able_to_fund} (docs/publishers.md, "X Ads funding instruments"). Follows {@code next_cursor} to the end.
 */
final class XAds {

	static final int MAX_PAGES = 50;

	private static final Pattern AD_ACCOUNT_ID = Pattern.compile("[A-Za-z0-9]{1,40}");

	private final XApi api;

	private final Clock clock;

	XAds(XApi api, Clock clock) {
		this.api = api;
		this.clock = clock;
	}

	AdAccountBilling billing(HeldToken token, String adAccountId) {
		if (adAccountId == null || !AD_ACCOUNT_ID.matcher(adAccountId).matches()) {
			throw new IllegalArgumentException("not an X Ads account id");
		}
		String cursor = null;
		Set<String> seen = new HashSet<>();
		for (int page = 1; page <= MAX_PAGES; page++) {
			HttpAnswer answer = this.api.fundingInstruments(token, adAccountId, cursor);
			PublisherOutcome failure = XErrors.adsFailure(answer, this.clock);
			if (failure instanceof FundingSourceInvalid) {
				return new AdAccountBilling(adAccountId, null, null, null, null, true, failure.evidence());
			}
			if (failure != null) {
				throw new PublisherException(failure);
			}
			Evidence evidence = XErrors.evidence(answer, null);
			for (JsonNode instrument : answer.json().get("data").values()) {
				if (canPay(instrument)) {
					return new AdAccountBilling(adAccountId, null, null, Json.text(instrument, "id"),
							Json.text(instrument, "description"), false, evidence.withDetail("an active funding instrument"));
				}
			}
			cursor = Json.text(answer.json(), "next_cursor");
			if (cursor == null) {
				return new AdAccountBilling(adAccountId, null, null, null, null, true,
						evidence.withDetail("no active funding instrument able to fund"));
			}
			if (!seen.add(cursor)) {
				break;
			}
		}
		throw new PublisherException(new Unreachable(Evidence.of(Publisher.X, "paging does not end")));
	}

	private static boolean canPay(JsonNode instrument) {
		return instrument.path("able_to_fund").asBoolean(false) && "ACTIVE".equals(Json.text(instrument, "entity_status"))
				&& !instrument.path("deleted").asBoolean(false);
	}

}
