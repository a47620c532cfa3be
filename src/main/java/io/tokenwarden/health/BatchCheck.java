package io.tokenwarden.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.accounts.SeenAsset;
import io.tokenwarden.publishers.AdAccountBilling;
import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherClient;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.Publishers;
import io.tokenwarden.tokens.AccountToken;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenDecryptionException;
import io.tokenwarden.tokens.TokenKind;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks one batch of accounts of one publisher (one Graph batch request for Facebook), decides whether
 * the batch shows a publisher-wide outage before applying anything, then applies each outcome.
 */
@Component
class BatchCheck {

	private final AccountDirectory accounts;

	private final AccountTokens tokens;

	private final Publishers publishers;

	private final OutcomeRules rules;

	private final PublisherIncidents incidents;

	private final HealthSettings settings;

	private final Clock clock;

	BatchCheck(AccountDirectory accounts, AccountTokens tokens, Publishers publishers, OutcomeRules rules,
			PublisherIncidents incidents, HealthSettings settings, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.publishers = publishers;
		this.rules = rules;
		this.incidents = incidents;
		this.settings = settings;
		this.clock = clock;
	}

	/** Checks the accounts; returns their results in the same order (for "Check now"). */
	List<CheckResult> check(Publisher publisher, List<Long> accountIds, boolean incidentOpen, CircuitBreaker breaker) {
		Map<Long, PublisherAccount> byId = this.accounts.findAll(accountIds).stream()
			.collect(Collectors.toMap(PublisherAccount::id, Function.identity()));
		Map<Long, AccountToken> tokensById = this.tokens.findAll(accountIds).stream()
			.collect(Collectors.toMap(AccountToken::accountId, Function.identity()));
		List<Long> checkable = new ArrayList<>();
		List<HeldToken> held = new ArrayList<>();
		List<CheckResult> results = new ArrayList<>();
		for (long id : accountIds) {
			AccountToken token = tokensById.get(id);
			PublisherAccount account = byId.get(id);
			HeldToken secrets;
			try {
				secrets = token == null || account == null ? null : held(token);
			}
			catch (TokenDecryptionException ex) {
				// never sent anywhere: the account's history says why it was not checked
				this.rules.notChecked(id, this.clock.instant(), Evidence.of(publisher, "the stored token cannot be decrypted"));
				continue;
			}
			if (secrets == null) {
				// invalidated (or gone) since it was claimed: nothing to check
				this.rules.notChecked(id, this.clock.instant(), null);
				continue;
			}
			checkable.add(id);
			held.add(secrets);
		}
		long started = System.nanoTime();
		PublisherClient client = this.publishers.client(publisher);
		List<PublisherOutcome> outcomes = held.isEmpty() ? List.of() : client.inspectAll(held);
		Instant now = this.clock.instant();
		long unreachable = outcomes.stream().filter(o -> o instanceof PublisherOutcome.Unreachable).count();
		boolean outage = outcomes.size() >= this.settings.outageMinAccounts()
				&& unreachable >= this.settings.outageShare() * outcomes.size();
		record(breaker, outage, started);
		if (outage) {
			this.incidents.open(publisher, now, unreachable + " of " + outcomes.size() + " accounts unreachable: "
					+ outcomes.get(0).evidence());
		}
		else if (incidentOpen && unreachable < outcomes.size()) {
			this.incidents.close(publisher, now);
		}
		for (int i = 0; i < checkable.size(); i++) {
			long id = checkable.get(i);
			PublisherOutcome outcome = outcomes.get(i);
			CheckResult result = new CheckResult(outcome, billingProblem(client, id, held.get(i), outcome));
			this.rules.apply(byId.get(id), tokensById.get(id), result, now, outage || incidentOpen);
			results.add(result);
		}
		return results;
	}

	/** The token's secrets; null when it holds none (invalidated). */
	private HeldToken held(AccountToken token) {
		if (token.status() == TokenStatus.INVALIDATED) {
			return null;
		}
		TokenSecret access = this.tokens.reveal(token, TokenKind.ACCESS).orElse(null);
		return access == null ? null : new HeldToken(access, this.tokens.reveal(token, TokenKind.REFRESH).orElse(null));
	}

	/** Facebook only: a valid token's ad accounts that cannot pay; the first problem found. */
	private PublisherOutcome.FundingSourceInvalid billingProblem(PublisherClient client, long accountId, HeldToken token,
			PublisherOutcome outcome) {
		if (!(outcome instanceof PublisherOutcome.Valid) || client.publisher() != Publisher.FACEBOOK) {
			return null;
		}
		for (SeenAsset asset : this.accounts.assets(accountId)) {
			if (!"AD_ACCOUNT".equals(asset.kind())) {
				continue;
			}
			try {
				AdAccountBilling billing = client.billing(token.accessToken(), asset.assetId());
				if (billing.fundingProblem().isPresent()) {
					return billing.fundingProblem().get();
				}
			}
			catch (PublisherException ex) {
				// billing unknown this time: no flag either way
			}
		}
		return null;
	}

	private static void record(CircuitBreaker breaker, boolean outage, long startedNanos) {
		long elapsed = System.nanoTime() - startedNanos;
		if (outage) {
			breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IllegalStateException("publisher unreachable"));
		}
		else {
			breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
		}
	}

}
