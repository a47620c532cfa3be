package io.tokenwarden.publishers.x;

import io.tokenwarden.publishers.AdAccountBilling;
import io.tokenwarden.publishers.AuthorizationGrant;
import io.tokenwarden.publishers.Campaign;
import io.tokenwarden.publishers.CampaignStatus;
import io.tokenwarden.publishers.GrantedTokens;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherClient;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherIdentity;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Valid;
import io.tokenwarden.publishers.PublisherSettings;
import io.tokenwarden.publishers.VisibleAsset;
import io.tokenwarden.publishers.http.Faults;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.Json;
import io.tokenwarden.publishers.http.PublisherHttp;
import tools.jackson.databind.JsonNode;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The X adapter: OAuth 1.0a user context for every call (the X Ads API accepts nothing else), the v2
 * {@code /2/users/me} identity and health check, the Ads funding probe and campaigns, and revocation by
 * {@code /1.1/oauth/invalidate_token}. X's OAuth 1.0a tokens do not expire; X ends them when the user
 * revokes the app or X suspends it. Without consumer credentials every call answers "not configured".
 */
public final class XPublisher implements PublisherClient {

	private final boolean configured;

	private final XApi api;

	private final XAds ads;

	private final XCampaigns campaigns;

	private final XConsent consent;

	private final Clock clock;

	/** An adapter on a plain {@link RestClient.Builder}: for a caller outside the application context (tests). */
	public XPublisher(PublisherSettings settings, Clock clock) {
		this(settings, RestClient.builder(), clock);
	}

	public XPublisher(PublisherSettings settings, RestClient.Builder http, Clock clock) {
		PublisherSettings.X x = settings.x();
		this.configured = x.hasConsumer();
		this.clock = clock;
		this.api = new XApi(PublisherHttp.restClient(http, settings, List.of(x.apiUrl(), x.adsApiUrl())), x.apiUrl(),
				x.adsApiUrl(), new OAuth1Signer(x.consumerKey(), x.consumerSecret(), clock));
		this.ads = new XAds(this.api, clock);
		this.campaigns = new XCampaigns(this.api, clock);
		this.consent = new XConsent(this.api, this.configured, clock);
	}

	@Override
	public Publisher publisher() {
		return Publisher.X;
	}

	/** The three-legged consent that connects and refreshes X accounts. */
	public XConsent consent() {
		return this.consent;
	}

	/** X has no OAuth 2.0 code to exchange here: its accounts connect through {@link #consent()}. */
	@Override
	public GrantedTokens exchangeCode(AuthorizationGrant grant) {
		throw new UnsupportedOperationException("X accounts connect through OAuth 1.0a");
	}

	@Override
	public PublisherOutcome inspect(HeldToken token) {
		if (!this.configured) {
			return Faults.notConfigured(Publisher.X);
		}
		HttpAnswer me = this.api.usersMe(token);
		PublisherOutcome failure = XErrors.apiFailure(me, this.clock);
		if (failure != null) {
			return failure;
		}
		return new Valid(null, null, Set.of(), XErrors.evidence(me, null).withDetail("/2/users/me: valid"));
	}

	@Override
	public List<PublisherOutcome> inspectAll(List<HeldToken> tokens) {
		return tokens.stream().map(this::inspect).toList();
	}

	@Override
	public PublisherIdentity identity(HeldToken token) {
		requireConfigured();
		HttpAnswer me = this.api.usersMe(token);
		PublisherOutcome failure = XErrors.apiFailure(me, this.clock);
		if (failure != null) {
			throw new PublisherException(failure);
		}
		JsonNode data = me.json().get("data");
		return new PublisherIdentity(Json.text(data, "id"), Json.text(data, "name"), Json.text(data, "username"));
	}

	/** On X the token sees one asset: its own profile. */
	@Override
	public List<VisibleAsset> assets(HeldToken token) {
		PublisherIdentity me = identity(token);
		String name = me.username() == null ? me.name() : "@" + me.username();
		return List.of(new VisibleAsset(VisibleAsset.AssetKind.PROFILE, me.id(), name, List.of("OWNER")));
	}

	@Override
	public AdAccountBilling billing(HeldToken token, String adAccountId) {
		requireConfigured();
		return this.ads.billing(token, adAccountId);
	}

	@Override
	public List<String> adAccounts(HeldToken token) {
		requireConfigured();
		return this.campaigns.adAccounts(token);
	}

	@Override
	public List<Campaign> campaigns(HeldToken token, String adAccountId) {
		requireConfigured();
		return this.campaigns.list(token, adAccountId);
	}

	@Override
	public void setCampaignStatus(HeldToken token, String adAccountId, String campaignId, CampaignStatus status) {
		requireConfigured();
		this.campaigns.setStatus(token, adAccountId, campaignId, status);
	}

	@Override
	public void setBid(HeldToken token, String adAccountId, String adGroupId, BigDecimal bid) {
		requireConfigured();
		this.campaigns.setBid(token, adAccountId, adGroupId, bid);
	}

	/** {@code POST /1.1/oauth/invalidate_token}; a token X already refuses (code 89) counts as revoked. */
	@Override
	public void revoke(HeldToken token) {
		requireConfigured();
		PublisherOutcome failure = XErrors.invalidateFailure(this.api.invalidateToken(token), this.clock);
		if (failure != null) {
			throw new PublisherException(failure);
		}
	}

	private void requireConfigured() {
		if (!this.configured) {
			throw new PublisherException(Faults.notConfigured(Publisher.X));
		}
	}

}
