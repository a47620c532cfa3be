package io.tokenwarden.sandbox;

import io.tokenwarden.demo.DemoAccount;
import io.tokenwarden.demo.DemoAccountsSeeded;
import io.tokenwarden.publishers.Campaign;
import io.tokenwarden.publishers.CampaignStatus;
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
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sandbox serves what the adapters ask of a campaign: Facebook's Marketing API and X Ads, through
 * Token Warden's own clients over HTTP. Each test seeds its own demo account, through the demo's event.
 */
class SandboxCampaignsTests extends SandboxTestSupport {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void facebookWhenSeededThenCampaignsWithBudgetsBidsAndSpendThatGrowsWhileActive() {
		DemoAccount account = seed(Publisher.FACEBOOK);
		PublisherClient facebook = client(Publisher.FACEBOOK);

		List<String> adAccounts = facebook.adAccounts(account.accessToken());
		List<Campaign> first = facebook.campaigns(account.accessToken(), adAccounts.get(0));
		List<Campaign> second = facebook.campaigns(account.accessToken(), adAccounts.get(0));

		assertThat(first).hasSizeBetween(2, 4).allSatisfy(campaign -> {
			assertThat(campaign.dailyBudget()).isPositive();
			assertThat(campaign.bid()).isPositive();
			assertThat(campaign.status()).isIn(CampaignStatus.ACTIVE, CampaignStatus.PAUSED);
		});
		for (int i = 0; i < first.size(); i++) {
			Campaign before = first.get(i);
			Campaign after = second.get(i);
			BigDecimal expected = before.status() == CampaignStatus.ACTIVE
					? before.spendToday().add(before.bid()).min(before.dailyBudget()) : before.spendToday();
			assertThat(after.spendToday()).as(after.name()).isEqualByComparingTo(expected);
		}
	}

	@Test
	void facebookWhenPausedAndBidSetThenTheNextReadShowsBoth() {
		DemoAccount account = seed(Publisher.FACEBOOK);
		PublisherClient facebook = client(Publisher.FACEBOOK);
		String adAccount = facebook.adAccounts(account.accessToken()).get(0);
		Campaign campaign = facebook.campaigns(account.accessToken(), adAccount).get(0);

		facebook.setCampaignStatus(account.accessToken(), adAccount, campaign.id(), CampaignStatus.PAUSED);
		facebook.setBid(account.accessToken(), adAccount, campaign.id(), new BigDecimal("3.25"));
		Campaign read = facebook.campaigns(account.accessToken(), adAccount).get(0);
		Campaign again = facebook.campaigns(account.accessToken(), adAccount).get(0);

		assertThat(read.status()).isEqualTo(CampaignStatus.PAUSED);
		assertThat(read.bid()).isEqualByComparingTo("3.25");
		assertThat(again.spendToday()).isEqualByComparingTo(read.spendToday());
	}

	@Test
	void xWhenSeededThenOneAdsAccountWhoseCampaignsCanBePausedAndRebid() {
		DemoAccount account = seed(Publisher.X);
		PublisherClient x = client(Publisher.X);

		String adAccount = x.adAccounts(account.accessToken()).get(0);
		List<Campaign> campaigns = x.campaigns(account.accessToken(), adAccount);
		Campaign active = campaigns.stream().filter(c -> c.status() == CampaignStatus.ACTIVE).findFirst().orElseThrow();
		x.setCampaignStatus(account.accessToken(), adAccount, active.id(), CampaignStatus.PAUSED);
		x.setBid(account.accessToken(), adAccount, active.id(), new BigDecimal("0.90"));
		Campaign after = x.campaigns(account.accessToken(), adAccount).stream()
			.filter(c -> c.id().equals(active.id())).findFirst().orElseThrow();

		assertThat(campaigns).hasSizeBetween(2, 4);
		assertThat(active.spendToday()).isPositive();
		assertThat(after.status()).isEqualTo(CampaignStatus.PAUSED);
		assertThat(after.bid()).isEqualByComparingTo("0.90");
	}

	@Test
	void campaignsWhenTokenIsBrokenOrTheAccountIsSomeoneElsesThenRefusedTheWayEachPublisherDoes() {
		DemoAccount broken = seed(Publisher.FACEBOOK, TokenStatus.EXPIRED, "PASSWORD_CHANGED");
		DemoAccount mine = seed(Publisher.X);
		DemoAccount theirs = seed(Publisher.X);
		String theirAdAccount = client(Publisher.X).adAccounts(theirs.accessToken()).get(0);

		PublisherOutcome facebook = failure(() -> client(Publisher.FACEBOOK).adAccounts(broken.accessToken()));
		PublisherOutcome unknownToken = failure(() -> client(Publisher.X).adAccounts(TokenSecret.of("not-a-token")));
		PublisherOutcome foreign = failure(() -> client(Publisher.X).campaigns(mine.accessToken(), theirAdAccount));

		assertThat(facebook).isInstanceOf(PublisherOutcome.Expired.class);
		assertThat(unknownToken).isInstanceOf(PublisherOutcome.PermissionMissing.class);
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
				new PublisherSettings.X(URI.create(sandbox + "/x"), URI.create(sandbox + "/x-ads")));
		if (publisher == Publisher.FACEBOOK) {
			return new FacebookPublisher(settings, new AppCredentials(SandboxApps.FACEBOOK_APP_ID,
					TokenSecret.of(SandboxApps.FACEBOOK_APP_SECRET), URI.create(sandbox + "/facebook/v25.0/oauth/access_token")),
					Clock.systemUTC());
		}
		return new XPublisher(settings, new AppCredentials(SandboxApps.X_CLIENT_ID, TokenSecret.of(SandboxApps.X_CLIENT_SECRET),
				URI.create(sandbox + "/x/2/oauth2/token")), Clock.systemUTC());
	}

	private DemoAccount seed(Publisher publisher) {
		return seed(publisher, TokenStatus.VALID, null);
	}

	private DemoAccount seed(Publisher publisher, TokenStatus status, String reason) {
		boolean x = publisher == Publisher.X;
		String externalId = String.valueOf(ThreadLocalRandom.current().nextLong(7_000_000_000L, 7_999_999_999L));
		Instant now = Instant.now();
		DemoAccount account = new DemoAccount(-1, publisher, externalId, "Campaigns " + externalId,
				TokenSecret.of("seeded-access-" + UUID.randomUUID()), x ? TokenSecret.of("seeded-refresh-" + UUID.randomUUID()) : null,
				now.plus(x ? Duration.ofHours(2) : Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS),
				now.plus(Duration.ofDays(90)), x ? "tweet.read users.read offline.access" : "ads_read,ads_management",
				status, reason);
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(new DemoAccountsSeeded(List.of(account))));
		return account;
	}

}
