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
import java.util.LinkedHashMap;
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
		Map<Long, HeldToken> held = sendable(publisher, accountIds, byId, tokensById);
		List<Long> checkable = new ArrayList<>(held.keySet());
		long started = System.nanoTime();
		PublisherClient client = this.publishers.client(publisher);
		List<PublisherOutcome> outcomes = held.isEmpty() ? List.of() : client.inspectAll(new ArrayList<>(held.values()));
		Instant now = this.clock.instant();
		boolean publisherDown = judgePublisher(publisher, outcomes, incidentOpen, breaker, started, now);
		List<CheckResult> results = new ArrayList<>();
		for (int i = 0; i < checkable.size(); i++) {
			long id = checkable.get(i);
			PublisherOutcome outcome = outcomes.get(i);
			CheckResult result = new CheckResult(outcome, billingProblem(client, id, held.get(id), outcome));
			this.rules.apply(byId.get(id), tokensById.get(id), result, now, publisherDown);
			results.add(result);
		}
		return results;
	}

	/**
	 * The tokens to send, in claim order. The others are released at once: a token that cannot be
	 * decrypted with a note in its history, one invalidated (or gone) since its claim without.
	 */
	private Map<Long, HeldToken> sendable(Publisher publisher, List<Long> accountIds, Map<Long, PublisherAccount> byId,
			Map<Long, AccountToken> tokensById) {
		Map<Long, HeldToken> held = new LinkedHashMap<>();
		for (long id : accountIds) {
			AccountToken token = tokensById.get(id);
			try {
				HeldToken secrets = token == null || !byId.containsKey(id) ? null : held(token);
				if (secrets != null) {
					held.put(id, secrets);
				}
				else {
					this.rules.notChecked(id, this.clock.instant(), null);
				}
			}
			catch (TokenDecryptionException ex) {
				// never sent anywhere: the account's history says why it was not checked
				this.rules.notChecked(id, this.clock.instant(), Evidence.of(publisher, "the stored token cannot be decrypted"));
			}
		}
		return held;
	}

	/**
	 * What the batch says about the publisher: an outage opens its incident, an answer during one closes
	 * it. Returns whether the publisher counts as down for these outcomes (no "can't reach" notices then).
	 */
	private boolean judgePublisher(Publisher publisher, List<PublisherOutcome> outcomes, boolean incidentOpen,
			CircuitBreaker breaker, long startedNanos, Instant now) {
		long unreachable = outcomes.stream().filter(o -> o instanceof PublisherOutcome.Unreachable).count();
		boolean outage = outcomes.size() >= this.settings.outageMinAccounts()
				&& unreachable >= this.settings.outageShare() * outcomes.size();
		if (outage) {
			this.incidents.open(publisher, now, unreachable + " of " + outcomes.size() + " accounts unreachable: "
					+ outcomes.get(0).evidence());
		}
		else if (incidentOpen && unreachable < outcomes.size()) {
			this.incidents.close(publisher, now);
			// the publisher is back: the failures of the outage must not reopen the breaker on this success
			breaker.reset();
		}
		record(breaker, outcomes.size(), unreachable, outage || incidentOpen, startedNanos);
		return outage || incidentOpen;
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

	/**
	 * Feeds the breaker with what the batch says about the publisher: it answered (a success), or it did
	 * not, in an outage or as the probe of an open incident (an error). A few accounts unreachable on their
	 * own say nothing about the publisher and are not recorded.
	 */
	private static void record(CircuitBreaker breaker, int checked, long unreachable, boolean publisherDown,
			long startedNanos) {
		long elapsed = System.nanoTime() - startedNanos;
		if (checked > 0 && unreachable < checked) {
			breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
		}
		else if (checked > 0 && publisherDown) {
			breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IllegalStateException("publisher unreachable"));
		}
	}

}
