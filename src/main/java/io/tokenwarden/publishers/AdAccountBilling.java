package io.tokenwarden.publishers;

import java.util.Optional;

/**
 * An ad account's billing state as the publisher reports it. {@code accountStatus} and
 * {@code disableReason} are Meta's raw numbers (null for X); the funding source is the one that can pay.
 */
public record AdAccountBilling(String adAccountId, Integer accountStatus, Integer disableReason,
		String fundingSourceId, String fundingSourceDisplay, boolean fundingSourceInvalid, Evidence evidence) {

	/** The billing problem, when there is one; the token itself stays valid either way. */
	public Optional<PublisherOutcome.FundingSourceInvalid> fundingProblem() {
		if (!this.fundingSourceInvalid) {
			return Optional.empty();
		}
		return Optional.of(new PublisherOutcome.FundingSourceInvalid(this.adAccountId, this.accountStatus,
				this.disableReason, this.evidence));
	}

}
