package io.tokenwarden.publishers;

import io.tokenwarden.tokens.TokenSecret;

import java.util.List;

/**
 * Everything Token Warden asks of one publisher. Operations that return data throw
 * {@link PublisherException} with the classified outcome when they cannot; {@code inspect} never throws
 * for a publisher's answer, its result is the outcome. Obtain one from {@link Publishers}.
 */
public interface PublisherClient {

	Publisher publisher();

	/**
	 * Exchanges an authorization code for tokens; never retried (the code is single-use). Facebook follows
	 * with the long-lived exchange, so the result is a long-lived token.
	 */
	GrantedTokens exchangeCode(AuthorizationGrant grant);

	/**
	 * Renews a token without the user: Facebook exchanges the still-valid access token for a long-lived one
	 * ({@code fb_exchange_token}); X uses the rotating refresh token, which is spent afterwards.
	 */
	GrantedTokens renew(HeldToken token);

	/**
	 * Checks whether a token works: Facebook {@code debug_token}, X {@code /2/users/me} with one refresh
	 * attempt on a 401 before concluding anything. A refresh's new pair comes back in {@link PublisherOutcome.Valid}.
	 */
	PublisherOutcome inspect(HeldToken token);

	/** {@link #inspect} for many tokens, results in the same order (Facebook batches up to 50 per request). */
	List<PublisherOutcome> inspectAll(List<HeldToken> tokens);

	/** The publisher user the token belongs to. */
	PublisherIdentity identity(TokenSecret accessToken);

	/** Every page and ad account (X: the profile) the token can see, following the paging to the end. */
	List<VisibleAsset> assets(TokenSecret accessToken);

	/** An ad account's billing state (Facebook {@code act_<id>} or its number; X Ads account id). */
	AdAccountBilling billing(TokenSecret accessToken, String adAccountId);

	/**
	 * Revokes the grant at the publisher (Facebook: the whole app grant of the token's user; X: refresh
	 * token, then access token). An answer that the token is already invalid counts as success.
	 */
	void revoke(HeldToken token);

}
