package io.tokenwarden.publishers.facebook;

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
import io.tokenwarden.publishers.PublisherOutcome.Expired;
import io.tokenwarden.publishers.PublisherOutcome.Refused;
import io.tokenwarden.publishers.PublisherSettings;
import io.tokenwarden.publishers.VisibleAsset;
import io.tokenwarden.publishers.http.AppCredentials;
import io.tokenwarden.publishers.http.Faults;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.Json;
import io.tokenwarden.publishers.http.PublisherHttp;
import io.tokenwarden.tokens.TokenSecret;
import tools.jackson.databind.JsonNode;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Facebook adapter: Graph and Marketing API, and Meta's OAuth token endpoint. */
public final class FacebookPublisher implements PublisherClient {

	private final AppCredentials app;

	private final GraphApi graph;

	private final GraphBatch batch;

	private final GraphAssets assets;

	private final GraphCampaigns campaigns;

	private final Clock clock;

	/** An adapter on a plain {@link RestClient.Builder}: for a caller outside the application context (tests). */
	public FacebookPublisher(PublisherSettings settings, AppCredentials app, Clock clock) {
		this(settings, app, RestClient.builder(), clock);
	}

	public FacebookPublisher(PublisherSettings settings, AppCredentials app, RestClient.Builder http, Clock clock) {
		this.app = app;
		this.clock = clock;
		this.graph = new GraphApi(
				PublisherHttp.restClient(http, settings, List.of(settings.facebook().graphUrl(), app.tokenUri())),
				settings.facebook().graphUrl(), app);
		this.batch = new GraphBatch(this.graph, clock);
		this.assets = new GraphAssets(this.graph, clock);
		this.campaigns = new GraphCampaigns(this.graph, clock);
	}

	@Override
	public Publisher publisher() {
		return Publisher.FACEBOOK;
	}

	@Override
	public GrantedTokens exchangeCode(AuthorizationGrant grant) {
		requireApp();
		Map<String, String> form = clientForm();
		form.put("redirect_uri", grant.redirectUri().toString());
		form.put("code", grant.code().reveal());
		if (grant.codeVerifier() != null) {
			form.put("code_verifier", grant.codeVerifier().reveal());
		}
		GrantedTokens shortLived = granted(this.graph.token(form));
		return longLived(shortLived.accessToken());
	}

	private GrantedTokens longLived(TokenSecret accessToken) {
		Map<String, String> form = clientForm();
		form.put("grant_type", "fb_exchange_token");
		form.put("fb_exchange_token", accessToken.reveal());
		return granted(this.graph.token(form));
	}

	private GrantedTokens granted(HttpAnswer answer) {
		JsonNode json = MetaErrors.requireSuccess(answer, this.clock);
		String accessToken = Json.text(json, "access_token");
		if (accessToken == null) {
			throw new PublisherException(MetaErrors.unrecognised(answer, "token answer without access_token"));
		}
		Long expiresIn = Json.number(json, "expires_in");
		Instant expiresAt = expiresIn == null || expiresIn <= 0 ? null : this.clock.instant().plusSeconds(expiresIn);
		return new GrantedTokens(TokenSecret.of(accessToken), null, expiresAt, Set.of());
	}

	@Override
	public PublisherOutcome inspect(HeldToken token) {
		return inspectAll(List.of(token)).get(0);
	}

	@Override
	public List<PublisherOutcome> inspectAll(List<HeldToken> tokens) {
		if (!configured()) {
			return Collections.nCopies(tokens.size(), Faults.notConfigured(Publisher.FACEBOOK));
		}
		return this.batch.inspect(tokens);
	}

	@Override
	public PublisherIdentity identity(HeldToken token) {
		requireApp();
		HttpAnswer answer = this.graph.get("me", Map.of("fields", "id,name"), token.accessToken());
		JsonNode json = MetaErrors.requireSuccess(answer, this.clock);
		if (Json.text(json, "id") == null) {
			throw new PublisherException(MetaErrors.unrecognised(answer, "/me answer without id"));
		}
		return new PublisherIdentity(Json.text(json, "id"), Json.text(json, "name"), null);
	}

	@Override
	public List<VisibleAsset> assets(HeldToken token) {
		requireApp();
		List<VisibleAsset> visible = new ArrayList<>(this.assets.pages(token.accessToken()));
		visible.addAll(this.assets.adAccounts(token.accessToken()));
		return visible;
	}

	@Override
	public AdAccountBilling billing(HeldToken token, String adAccountId) {
		requireApp();
		return this.assets.billing(token.accessToken(), adAccountId);
	}

	@Override
	public List<String> adAccounts(HeldToken token) {
		requireApp();
		return this.assets.adAccounts(token.accessToken()).stream().map(VisibleAsset::id).toList();
	}

	@Override
	public List<Campaign> campaigns(HeldToken token, String adAccountId) {
		requireApp();
		return this.campaigns.list(token.accessToken(), adAccountId);
	}

	@Override
	public void setCampaignStatus(HeldToken token, String adAccountId, String campaignId, CampaignStatus status) {
		requireApp();
		this.campaigns.setStatus(token.accessToken(), campaignId, status);
	}

	@Override
	public void setBid(HeldToken token, String adAccountId, String adGroupId, BigDecimal bid) {
		requireApp();
		this.campaigns.setBid(token.accessToken(), adGroupId, bid);
	}

	/** {@code DELETE /me/permissions} with the user's own token: the whole app grant of that user. */
	@Override
	public void revoke(HeldToken token) {
		requireApp();
		HttpAnswer answer = this.graph.delete("me/permissions", token.accessToken());
		PublisherOutcome failure = MetaErrors.failureOf(answer, this.clock);
		if (failure instanceof Expired) {
			return; // the token is already dead: nothing left to revoke
		}
		if (failure != null) {
			throw new PublisherException(failure);
		}
		JsonNode json = answer.json();
		boolean revoked = (json.isBoolean() && json.asBoolean()) || json.path("success").asBoolean(false);
		if (!revoked) {
			throw new PublisherException(new Refused(MetaErrors.evidence(answer).withDetail("revoke not confirmed")));
		}
	}

	private Map<String, String> clientForm() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("client_id", this.app.clientId());
		form.put("client_secret", this.app.clientSecret().reveal());
		return form;
	}

	private boolean configured() {
		return this.app.hasClientId() && this.app.hasClientSecret();
	}

	private void requireApp() {
		if (!configured()) {
			throw new PublisherException(Faults.notConfigured(Publisher.FACEBOOK));
		}
	}

}
