package io.tokenwarden.testsupport;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.demo.DemoAccount;
import io.tokenwarden.demo.DemoAccountsSeeded;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Creates uniquely named accounts for tests that change data, linked to the demo agencies by name. */
@Component
public class TestData {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private final AgencyDirectory agencies;

	private final AccountDirectory accounts;

	private final AccountTokens tokens;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	/** The application's clock: a token made now expires 30 days after the application's now. */
	private final Clock clock;

	public TestData(AgencyDirectory agencies, AccountDirectory accounts, AccountTokens tokens,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
		this.agencies = agencies;
		this.accounts = accounts;
		this.tokens = tokens;
		this.transactions = transactions;
	}

	/**
	 * A test account with a valid token (X's with its token secret, without expiry), linked to the named
	 * agencies; returns its id.
	 */
	public long account(Publisher publisher, String name, TokenSecret access, TokenSecret tokenSecret, String... agencyNames) {
		return this.transactions.execute(status -> {
			String externalId = String.valueOf(900_000_000_000L + SEQUENCE.incrementAndGet());
			long id = this.accounts.create(publisher, externalId, name, "owner." + externalId + "@test.example").id();
			for (String agencyName : agencyNames) {
				long agencyId = this.agencies.findAgency(agencyName).orElseGet(() -> this.agencies.createAgency(agencyName));
				this.accounts.link(agencyId, id);
			}
			boolean x = publisher == Publisher.X;
			this.tokens.store(id, new NewToken(access, tokenSecret, x ? null : this.clock.instant().plus(30, ChronoUnit.DAYS), null,
					x ? null : "ads_read"), "test");
			return id;
		});
	}

	public long account(Publisher publisher, String name, String... agencyNames) {
		return account(publisher, name, secret(), publisher == Publisher.X ? secret() : null, agencyNames);
	}

	/** Records what the account's token saw at an earlier refresh. */
	public void seenBefore(long accountId, java.util.List<io.tokenwarden.accounts.SeenAsset> assets) {
		this.transactions.executeWithoutResult(status -> this.accounts.replaceAssets(accountId, assets));
	}

	/**
	 * A test account that the demo's sandbox publisher knows too (through the same event the demo seeds
	 * with), so a browser test can refresh, check or revoke it end to end.
	 */
	public long sandboxAccount(Publisher publisher, String name, String... agencyNames) {
		TokenSecret access = secret();
		boolean x = publisher == Publisher.X;
		TokenSecret tokenSecret = x ? secret() : null;
		long id = account(publisher, name, access, tokenSecret, agencyNames);
		String externalId = this.accounts.find(id).orElseThrow().externalId();
		Instant expiresAt = x ? null : this.clock.instant().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(new DemoAccountsSeeded(List.of(
				new DemoAccount(id, publisher, externalId, name, access, tokenSecret, expiresAt,
						x ? null : this.clock.instant().plus(90, ChronoUnit.DAYS), x ? null : "ads_read", TokenStatus.VALID, null)))));
		return id;
	}

	public static TokenSecret secret() {
		return TokenSecret.of("test-secret-" + UUID.randomUUID());
	}

	public static String unique(String prefix) {
		return prefix + " " + SEQUENCE.incrementAndGet();
	}

}
