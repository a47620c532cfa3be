package io.tokenwarden.publishers.x;

import io.tokenwarden.publishers.AdAccountBilling;
import io.tokenwarden.publishers.AuthorizationGrant;
import io.tokenwarden.publishers.Campaign;
import io.tokenwarden.publishers.CampaignStatus;
import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.ExpiryReason;
import io.tokenwarden.publishers.GrantedTokens;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherClient;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherIdentity;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.Valid;
import io.tokenwarden.publishers.PublisherSettings;
import io.tokenwarden.publishers.VisibleAsset;
import io.tokenwarden.publishers.http.AppCredentials;
import io.tokenwarden.publishers.http.Faults;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.Json;
import io.tokenwarden.publishers.http.PublisherHttp;
import io.tokenwarden.tokens.TokenSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The X adapter: API v2, OAuth 2.0 (PKCE S256, rotating refresh tokens), the Ads funding probe and campaigns. */
public final class XPublisher implements PublisherClient {

	private static final Logger log = LoggerFactory.getLogger(XPublisher.class);

	// RFC 7636 4.1: 43 to 128 unreserved characters
	private static final Pattern CODE_VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

	private final AppCredentials app;

	private final XApi api;

	private final XAds ads;

	private final XCampaigns campaigns;

	private final Clock clock;

	public XPublisher(PublisherSettings settings, AppCredentials app, Clock clock) {
		this.app = app;
		this.clock = clock;
		this.api = new XApi(PublisherHttp.restClient(settings,
				List.of(settings.x().apiUrl(), settings.x().adsApiUrl(), app.tokenUri())), settings.x().apiUrl(),
				settings.x().adsApiUrl(), app);
		this.ads = new XAds(this.api, clock);
		this.campaigns = new XCampaigns(this.api, clock);
	}

	@Override
	public Publisher publisher() {
		return Publisher.X;
	}

	@Override
	public GrantedTokens exchangeCode(AuthorizationGrant grant) {
		requireApp();
		if (grant.codeVerifier() == null || !CODE_VERIFIER.matcher(grant.codeVerifier().reveal()).matches()) {
			throw new IllegalArgumentException("X needs a PKCE code verifier of 43 to 128 unreserved characters");
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", grant.code().reveal());
		form.put("redirect_uri", grant.redirectUri().toString());
		form.put("code_verifier", grant.codeVerifier().reveal());
		return granted(this.api.token(form), false);
	}

	@Override
	public GrantedTokens renew(HeldToken token) {
		requireApp();
		if (token.refreshToken() == null) {
			throw new PublisherException(new Expired(ExpiryReason.INVALID, Evidence.of(Publisher.X, "no refresh token held")));
		}
		return granted(this.api.token(refreshForm(token.refreshToken())), true);
	}

	@Override
	public PublisherOutcome inspect(HeldToken token) {
		HttpAnswer me = this.api.usersMe(token.accessToken());
		if (me.status() == 401) {
			return afterUnauthorized(token, me);
		}
		PublisherOutcome failure = XErrors.apiFailure(me, this.clock);
		if (failure != null) {
			return failure;
		}
		return new Valid(null, null, Set.of(), null, XErrors.evidence(me, null).withDetail("/2/users/me: valid"));
	}

	/**
	 * A 401 alone proves nothing (X has had 401 outages): only a refused refresh does. A working refresh
	 * means the access token had merely expired, and its new pair must reach the caller.
	 */
	private PublisherOutcome afterUnauthorized(HeldToken token, HttpAnswer me) {
		if (token.refreshToken() == null) {
			return new Expired(ExpiryReason.INVALID,
					XErrors.evidence(me, null).withDetail("401 on /2/users/me and no refresh token held"));
		}
		if (!this.app.hasClientId()) {
			return Faults.notConfigured(Publisher.X);
		}
		HttpAnswer refreshed = this.api.token(refreshForm(token.refreshToken()));
		PublisherOutcome failure = XErrors.tokenFailure(refreshed, true, this.clock);
		if (failure instanceof Expired expired) {
			return new Expired(expired.reason(), expired.evidence().withDetail("401 on /2/users/me, then the refresh was refused"));
		}
		if (failure != null) {
			return failure;
		}
		GrantedTokens pair = tokensOf(refreshed.json());
		return new Valid(pair.expiresAt(), null, pair.scopes(), pair,
				XErrors.evidence(refreshed, null).withDetail("access token had expired; refreshed"));
	}

	@Override
	public List<PublisherOutcome> inspectAll(List<HeldToken> tokens) {
		return tokens.stream().map(this::inspect).toList();
	}

	@Override
	public PublisherIdentity identity(TokenSecret accessToken) {
		HttpAnswer me = this.api.usersMe(accessToken);
		PublisherOutcome failure = XErrors.apiFailure(me, this.clock);
		if (failure != null) {
			throw new PublisherException(failure);
		}
		JsonNode data = me.json().get("data");
		return new PublisherIdentity(Json.text(data, "id"), Json.text(data, "name"), Json.text(data, "username"));
	}

	/** On X the token sees one asset: its own profile. */
	@Override
	public List<VisibleAsset> assets(TokenSecret accessToken) {
		PublisherIdentity me = identity(accessToken);
		String name = me.username() == null ? me.name() : "@" + me.username();
		return List.of(new VisibleAsset(VisibleAsset.Kind.PROFILE, me.id(), name, List.of("OWNER")));
	}

	@Override
	public AdAccountBilling billing(TokenSecret accessToken, String adAccountId) {
		return this.ads.billing(accessToken, adAccountId);
	}

	@Override
	public List<String> adAccounts(TokenSecret accessToken) {
		return this.campaigns.adAccounts(accessToken);
	}

	@Override
	public List<Campaign> campaigns(TokenSecret accessToken, String adAccountId) {
		return this.campaigns.list(accessToken, adAccountId);
	}

	@Override
	public void setCampaignStatus(TokenSecret accessToken, String adAccountId, String campaignId, CampaignStatus status) {
		this.campaigns.setStatus(accessToken, adAccountId, campaignId, status);
	}

	@Override
	public void setBid(TokenSecret accessToken, String adAccountId, String adGroupId, BigDecimal bid) {
		this.campaigns.setBid(accessToken, adAccountId, adGroupId, bid);
	}

	/** Refresh token first, so a half-done revoke cannot leave a grant that mints new access tokens. */
	@Override
	public void revoke(HeldToken token) {
		requireApp();
		if (token.refreshToken() != null) {
			revokeOne(token.refreshToken(), "refresh_token");
		}
		revokeOne(token.accessToken(), "access_token");
	}

	private void revokeOne(TokenSecret token, String hint) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", token.reveal());
		form.put("token_type_hint", hint);
		HttpAnswer answer = this.api.revoke(form);
		if (answer.isSuccess()) {
			return;
		}
		PublisherOutcome failure = XErrors.tokenFailure(answer, true, this.clock);
		if (!(failure instanceof Expired)) { // "Value passed for the token was invalid": already revoked
			throw new PublisherException(failure);
		}
	}

	private GrantedTokens granted(HttpAnswer answer, boolean refreshGrant) {
		PublisherOutcome failure = XErrors.tokenFailure(answer, refreshGrant, this.clock);
		if (failure != null) {
			throw new PublisherException(failure);
		}
		return tokensOf(answer.json());
	}

	private GrantedTokens tokensOf(JsonNode json) {
		String refresh = Json.text(json, "refresh_token");
		if (refresh == null) {
			log.warn("X issued tokens without a refresh token; the held one, if any, is kept");
		}
		Long expiresIn = Json.number(json, "expires_in");
		Instant expiresAt = expiresIn == null || expiresIn <= 0 ? null : this.clock.instant().plusSeconds(expiresIn);
		String scope = Json.text(json, "scope");
		Set<String> scopes = scope == null ? Set.of()
				: Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
		return new GrantedTokens(TokenSecret.of(Json.text(json, "access_token")),
				refresh == null ? null : TokenSecret.of(refresh), expiresAt, scopes);
	}

	private static Map<String, String> refreshForm(TokenSecret refreshToken) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", refreshToken.reveal());
		return form;
	}

	private void requireApp() {
		if (!this.app.hasClientId()) {
			throw new PublisherException(Faults.notConfigured(Publisher.X));
		}
	}

}
