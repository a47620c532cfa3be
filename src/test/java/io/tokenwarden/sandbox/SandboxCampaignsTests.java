package io.tokenwarden.sandbox;

import io.tokenwarden.demo.DemoAccount;
import io.tokenwarden.demo.DemoAccountsSeeded;
import io.tokenwarden.publishers.AdGroup;
import io.tokenwarden.publishers.Campaign;
import io.tokenwarden.publishers.CampaignStatus;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherClient;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.PublisherSettings;
import io.tokenwarden.publishers.facebook.FacebookPublisher;
import io.tokenwarden.publishers.http.AppCredentials;
import io.tokenwarden.publishers.x.XPublisher;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sandbox serves what the adapters ask of a campaign, with the bids on ad sets and line items as
 * Meta and X keep them: Facebook's Marketing API and X Ads, through Token Warden's own clients over HTTP,
 * and refuses what the publishers refuse. Each test seeds its own demo account, through the demo's event.
 */
class SandboxCampaignsTests extends SandboxTestSupport {

	private static final String GRAPH = "/sandbox/facebook/v25.0/";

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void facebookWhenSeededThenCampaignsWithBudgetsAdSetsWithBidsAndSpendThatGrowsWhileActive() {
		DemoAccount account = seed(Publisher.FACEBOOK);
		PublisherClient facebook = client(Publisher.FACEBOOK);

		List<String> adAccounts = facebook.adAccounts(held(account));
		List<Campaign> first = facebook.campaigns(held(account), adAccounts.get(0));
		List<Campaign> second = facebook.campaigns(held(account), adAccounts.get(0));

		assertThat(first).hasSizeBetween(2, 4).allSatisfy(campaign -> {
			assertThat(campaign.dailyBudget()).isPositive();
			assertThat(campaign.status()).isIn(CampaignStatus.ACTIVE, CampaignStatus.PAUSED);
			assertThat(campaign.adGroups()).hasSizeBetween(1, 3).allSatisfy(adSet -> {
				assertThat(adSet.campaignId()).isEqualTo(campaign.id());
				assertThat(adSet.id()).isNotEqualTo(campaign.id());
			});
			assertThat(campaign.adGroups().get(0).bid()).isPositive();
		});
		// the sandbox pages two at a time, so a campaign's third ad set is read by following the expansion's next
		assertThat(first).allSatisfy(campaign -> assertThat(campaign.adGroups()).hasSize(this.jdbc
			.sql("select count(*) from sandbox_ad_group where campaign_id = ?").param(campaign.id()).query(Integer.class).single()));
		for (int i = 0; i < first.size(); i++) {
			Campaign before = first.get(i);
			Campaign after = second.get(i);
			BigDecimal expected = before.status() == CampaignStatus.ACTIVE
					? before.spendToday().add(delivery(before)).min(before.dailyBudget()) : before.spendToday();
			assertThat(after.spendToday()).as(after.name()).isEqualByComparingTo(expected);
		}
	}

	@Test
	void facebookWhenPausedAndAnAdSetRebidThenTheNextReadShowsBothAndTheCampaignKeepsNoBid() {
		DemoAccount account = seed(Publisher.FACEBOOK);
		PublisherClient facebook = client(Publisher.FACEBOOK);
		String adAccount = facebook.adAccounts(held(account)).get(0);
		Campaign campaign = facebook.campaigns(held(account), adAccount).get(0);
		AdGroup adSet = campaign.adGroups().get(0);

		facebook.setCampaignStatus(held(account), adAccount, campaign.id(), CampaignStatus.PAUSED);
		facebook.setBid(held(account), adAccount, adSet.id(), new BigDecimal("3.25"));
		Campaign read = facebook.campaigns(held(account), adAccount).get(0);
		Campaign again = facebook.campaigns(held(account), adAccount).get(0);

		assertThat(read.status()).isEqualTo(CampaignStatus.PAUSED);
		assertThat(read.adGroups().get(0).id()).isEqualTo(adSet.id());
		assertThat(read.adGroups().get(0).bid()).isEqualByComparingTo("3.25");
		assertThat(again.spendToday()).isEqualByComparingTo(read.spendToday());
		PublisherOutcome onTheCampaign = failure(
				() -> facebook.setBid(held(account), adAccount, campaign.id(), new BigDecimal("2.00")));
		assertThat(onTheCampaign.evidence().code()).isEqualTo("100");
	}

	@Test
	void facebookWhenTheCampaignNodeIsAskedForBidAmountThenCode100NonexistingFieldAsGraphAnswers() {
		DemoAccount account = seed(Publisher.FACEBOOK);
		String adAccount = client(Publisher.FACEBOOK).adAccounts(held(account)).get(0);
		String token = account.accessToken().reveal();

		ResponseEntity<String> bidOnCampaign = graphGet(adAccount + "/campaigns", "id,name,bid_amount", token);
		ResponseEntity<String> bidInAdSets = graphGet(adAccount + "/campaigns", "id,adsets{id,bid_amount}", token);
		ResponseEntity<String> wrongInAdSets = graphGet(adAccount + "/campaigns", "id,adsets{id,daily_spend}", token);

		assertThat(bidOnCampaign.getStatusCode().value()).isEqualTo(400);
		JsonNode error = json(bidOnCampaign).get("error");
		assertThat(error.get("message").asString())
			.isEqualTo("(#100) Tried accessing nonexisting field (bid_amount) on node type (Campaign)");
		assertThat(error.get("type").asString()).isEqualTo("OAuthException");
		assertThat(error.get("code").asInt()).isEqualTo(100);
		assertThat(error.get("fbtrace_id").asString()).isNotBlank();
		assertThat(bidInAdSets.getStatusCode().value()).isEqualTo(200);
		assertThat(json(bidInAdSets).at("/data/0/adsets/data/0/bid_amount").isMissingNode()).isFalse();
		assertThat(json(wrongInAdSets).at("/error/message").asString())
			.isEqualTo("(#100) Tried accessing nonexisting field (daily_spend) on node type (AdSet)");
	}

	@Test
	void xWhenSeededThenOneAdsAccountWhoseCampaignsCanBePausedAndWhoseLineItemsCanBeRebid() {
		DemoAccount account = seed(Publisher.X);
		PublisherClient x = client(Publisher.X);

		String adAccount = x.adAccounts(held(account)).get(0);
		List<Campaign> campaigns = x.campaigns(held(account), adAccount);
		Campaign active = campaigns.stream().filter(c -> c.status() == CampaignStatus.ACTIVE).findFirst().orElseThrow();
		AdGroup lineItem = active.adGroups().get(0);
		x.setCampaignStatus(held(account), adAccount, active.id(), CampaignStatus.PAUSED);
		x.setBid(held(account), adAccount, lineItem.id(), new BigDecimal("0.90"));
		Campaign after = x.campaigns(held(account), adAccount).stream()
			.filter(c -> c.id().equals(active.id())).findFirst().orElseThrow();

		assertThat(campaigns).hasSizeBetween(2, 4)
			.allSatisfy(campaign -> assertThat(campaign.adGroups()).hasSizeBetween(1, 3));
		assertThat(active.spendToday()).isPositive();
		assertThat(after.status()).isEqualTo(CampaignStatus.PAUSED);
		assertThat(after.adGroups().get(0).bid()).isEqualByComparingTo("0.90");
	}

	@Test
	void xWhenACampaignIsGivenABidOrAskedForAnUnknownParameterThenInvalidParameterAsTheAdsApiAnswers() {
		DemoAccount account = seed(Publisher.X);
		PublisherClient x = client(Publisher.X);
		String adAccount = x.adAccounts(held(account)).get(0);
		String campaign = x.campaigns(held(account), adAccount).get(0).id();
		HeldToken token = held(account);

		ResponseEntity<String> bidOnCampaign = xAds(HttpMethod.PUT,
				"/12/accounts/" + adAccount + "/campaigns/" + campaign + "?bid_amount_local_micro=900000", token);
		ResponseEntity<String> unknownQuery = xAds(HttpMethod.GET,
				"/12/accounts/" + adAccount + "/line_items?campaign_ids=" + campaign + "&fields=bid_amount_local_micro", token);

		for (ResponseEntity<String> refused : List.of(bidOnCampaign, unknownQuery)) {
			assertThat(refused.getStatusCode().value()).isEqualTo(400);
			assertThat(json(refused).at("/errors/0/code").asString()).isEqualTo("INVALID_PARAMETER");
			assertThat(json(refused).at("/request/params/account_id").asString()).isEqualTo(adAccount);
		}
		assertThat(json(bidOnCampaign).at("/errors/0/parameter").asString()).isEqualTo("bid_amount_local_micro");
		assertThat(json(unknownQuery).at("/errors/0/parameter").asString()).isEqualTo("fields");
	}

	/** What an active campaign spends per read: its active ad groups' bids, a dollar for an automatic one. */
	private static BigDecimal delivery(Campaign campaign) {
		return campaign.adGroups()
			.stream()
			.filter(group -> group.status() == CampaignStatus.ACTIVE)
			.map(group -> group.automaticBid() ? BigDecimal.ONE : group.bid())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** A raw Graph GET of {@code path} with {@code fields}, braces and all, and the user's token in the header. */
	private ResponseEntity<String> graphGet(String path, String fields, String token) {
		URI uri = URI.create("http://localhost:" + this.port + GRAPH + path + "?fields="
				+ URLEncoder.encode(fields, StandardCharsets.UTF_8));
		return this.http.get().uri(uri).headers(headers -> headers.setBearerAuth(token)).retrieve().toEntity(String.class);
	}

	/**
	 * A raw X Ads call signed with OAuth 1.0a with the account's token and secret, as the adapters sign theirs, so
	 * that what it is refused for is the call itself, not its signature.
	 */
	private ResponseEntity<String> xAds(HttpMethod method, String path, HeldToken token) {
		String pathAndQuery = "/sandbox/x-ads" + path;
		return xCall(method, pathAndQuery, xAuthorization(method, pathAndQuery, token, Map.of(), Clock.systemUTC()));
	}

	@Test
	void campaignsWhenTokenIsBrokenOrTheAccountIsSomeoneElsesThenRefusedTheWayEachPublisherDoes() {
		DemoAccount broken = seed(Publisher.FACEBOOK, TokenStatus.EXPIRED, "PASSWORD_CHANGED");
		DemoAccount mine = seed(Publisher.X);
		DemoAccount theirs = seed(Publisher.X);
		String theirAdAccount = client(Publisher.X).adAccounts(held(theirs)).get(0);

		PublisherOutcome facebook = failure(() -> client(Publisher.FACEBOOK).adAccounts(held(broken)));
		PublisherOutcome unknownToken = failure(() -> client(Publisher.X).adAccounts(new HeldToken(TokenSecret.of("not-a-token"), TokenSecret.of("not-a-secret"))));
		PublisherOutcome foreign = failure(() -> client(Publisher.X).campaigns(held(mine), theirAdAccount));

		assertThat(facebook).isInstanceOf(PublisherOutcome.Expired.class);
		// a token X never issued: 401 code 89, which says the token is not valid
		assertThat(unknownToken).isInstanceOf(PublisherOutcome.Expired.class);
		assertThat(foreign).isInstanceOf(PublisherOutcome.Refused.class);
	}

	private static PublisherOutcome failure(Runnable call) {
		return catchThrowableOfType(PublisherException.class, call::run).outcome();
	}

	/** Token Warden's own adapter, aimed at this server's sandbox. */
	private PublisherClient client(Publisher publisher) {
		String sandbox = "http://localhost:" + this.port + "/sandbox";
		PublisherSettings settings = new PublisherSettings(Duration.ofSeconds(2), Duration.ofSeconds(10),
				new PublisherSettings.Facebook(URI.create(sandbox + "/facebook/v25.0")),
				new PublisherSettings.X(URI.create(sandbox + "/x"), URI.create(sandbox + "/x-ads"), SandboxApps.X_CONSUMER_KEY,
						TokenSecret.of(SandboxApps.X_CONSUMER_SECRET)));
		if (publisher == Publisher.FACEBOOK) {
			return new FacebookPublisher(settings, new AppCredentials(SandboxApps.FACEBOOK_APP_ID,
					TokenSecret.of(SandboxApps.FACEBOOK_APP_SECRET), URI.create(sandbox + "/facebook/v25.0/oauth/access_token")),
					Clock.systemUTC());
		}
		return new XPublisher(settings, Clock.systemUTC());
	}

	/** The account's credential as Token Warden holds it: X's with its token secret. */
	private static HeldToken held(DemoAccount account) {
		return new HeldToken(account.accessToken(), account.tokenSecret());
	}

	private DemoAccount seed(Publisher publisher) {
		return seed(publisher, TokenStatus.VALID, null);
	}

	private DemoAccount seed(Publisher publisher, TokenStatus status, String reason) {
		boolean x = publisher == Publisher.X;
		String externalId = String.valueOf(ThreadLocalRandom.current().nextLong(7_000_000_000L, 7_999_999_999L));
		Instant now = Instant.now();
		DemoAccount account = new DemoAccount(-1, publisher, externalId, "Campaigns " + externalId,
				TokenSecret.of("seeded-access-" + UUID.randomUUID()), x ? TokenSecret.of("seeded-secret-" + UUID.randomUUID()) : null,
				x ? null : now.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS),
				x ? null : now.plus(Duration.ofDays(90)), x ? null : "ads_read,ads_management", status, reason);
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(new DemoAccountsSeeded(List.of(account))));
		return account;
	}

}
