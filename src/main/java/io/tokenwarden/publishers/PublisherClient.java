package io.tokenwarden.publishers;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything Token Warden asks of one publisher. Operations that return data throw
 * {@link PublisherException} with the classified outcome when they cannot; {@code inspect} never throws
 * for a publisher's answer, its result is the outcome. Obtain one from {@link Publishers}.
 */
public interface PublisherClient {

	Publisher publisher();

	/**
	 * Exchanges an OAuth 2.0 authorization code for tokens; never retried (the code is single-use). Facebook
	 * follows with the long-lived exchange, so the result is a long-lived token. X connects through OAuth 1.0a
	 * instead ({@link Publishers#oauth1Consent}) and throws {@link UnsupportedOperationException}.
	 */
	GrantedTokens exchangeCode(AuthorizationGrant grant);

	/**
	 * Checks whether a token works: Facebook {@code debug_token}, X a signed {@code /2/users/me}, where a 401
	 * says the token was revoked (X's OAuth 1.0a tokens do not expire otherwise).
	 */
	PublisherOutcome inspect(HeldToken token);

	/** {@link #inspect} for many tokens, results in the same order (Facebook batches up to 50 per request). */
	List<PublisherOutcome> inspectAll(List<HeldToken> tokens);

	/** The publisher user the token belongs to. */
	PublisherIdentity identity(HeldToken token);

	/** Every page and ad account (X: the profile) the token can see, following the paging to the end. */
	List<VisibleAsset> assets(HeldToken token);

	/** An ad account's billing state (Facebook {@code act_<id>} or its number; X Ads account id). */
	AdAccountBilling billing(HeldToken token, String adAccountId);

	/**
	 * Revokes the grant at the publisher (Facebook: the whole app grant of the token's user; X:
	 * {@code POST /1.1/oauth/invalidate_token}, signed with the token). An answer that the token is already
	 * invalid counts as success.
	 */
	void revoke(HeldToken token);

	/**
	 * The ad accounts whose campaigns the token can read, as the publisher writes their ids: Facebook
	 * {@code me/adaccounts} ({@code act_<digits>}), X Ads {@code GET /12/accounts}. Follows the paging to the end.
	 */
	List<String> adAccounts(HeldToken token);

	/**
	 * An ad account's campaigns with today's spend and their ad groups with the bids, following the paging
	 * to the end: Facebook {@code GET /act_<id>/campaigns} with the {@code insights} of today and the
	 * {@code adsets} expanded, X Ads {@code GET /12/accounts/<id>/campaigns} with the BILLING stats of today
	 * (UTC) and {@code GET /12/accounts/<id>/line_items?campaign_ids=…}.
	 */
	List<Campaign> campaigns(HeldToken token, String adAccountId);

	/**
	 * Pauses or resumes a campaign: Facebook {@code POST /<campaign-id>} with {@code status}, X Ads
	 * {@code PUT /12/accounts/<id>/campaigns/<id>} with {@code entity_status}. Only ACTIVE and PAUSED may be set.
	 */
	void setCampaignStatus(HeldToken token, String adAccountId, String campaignId, CampaignStatus status);

	/**
	 * Sets the bid of one ad group, in currency units, where Meta and X keep it: Facebook {@code POST /<adset-id>}
	 * with {@code bid_amount} in cents, X Ads {@code PUT /12/accounts/<id>/line_items/<id>} with
	 * {@code bid_amount_local_micro}. An ad group the publisher bids for automatically is not to be given one.
	 */
	void setBid(HeldToken token, String adAccountId, String adGroupId, BigDecimal bid);

}
