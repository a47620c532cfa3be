package io.tokenwarden.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.accounts.SeenAsset;
import io.tokenwarden.notifications.NoticeAccount;
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
 * Checks one batch of accounts of one publisher (one Graph batch request for Facebook) in three steps
 * that a round can overlap: prepare (read and decrypt), send, apply (decide whether the batch shows a
 * publisher-wide outage before applying anything, then apply each outcome).
 */
@Component
class BatchCheck {

	private final AccountDirectory accounts;

	private final AccountTokens tokens;

	private final Publishers publishers;

	private final OutcomeRules rules;

	private final HealthStore store;

	private final PublisherIncidents incidents;

	private final HealthSettings settings;

	private final Clock clock;

	BatchCheck(AccountDirectory accounts, AccountTokens tokens, Publishers publishers, OutcomeRules rules,
			HealthStore store, PublisherIncidents incidents, HealthSettings settings, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.publishers = publishers;
		this.rules = rules;
		this.store = store;
		this.incidents = incidents;
		this.settings = settings;
		this.clock = clock;
	}

	/** Claimed accounts ready to be sent: their tokens, and the secrets to send in claim order. */
	record Batch(Publisher publisher, Map<Long, AccountToken> tokens, Map<Long, HeldToken> held) {
	}

	/** The publisher's answers to a batch, in its order, and how long they took. */
	record Answers(List<PublisherOutcome> outcomes, long nanos) {
	}

	/** Checks the accounts; returns their results in the same order (for "Check now" and probes). */
	List<CheckResult> check(Publisher publisher, List<Long> accountIds, boolean incidentOpen, CircuitBreaker breaker) {
		Batch batch = prepare(publisher, accountIds);
		return apply(batch, send(batch), incidentOpen, breaker);
	}

	/**
	 * Reads the claimed accounts' tokens and decrypts what is to be sent; an account that cannot be sent
	 * is released at once (see {@link #sendable}).
	 */
	Batch prepare(Publisher publisher, List<Long> accountIds) {
		Map<Long, AccountToken> tokensById = this.tokens.findAll(accountIds).stream()
			.collect(Collectors.toMap(AccountToken::accountId, Function.identity()));
		return new Batch(publisher, tokensById, sendable(publisher, accountIds, tokensById));
	}

	/** The publisher call itself (one Graph batch request for Facebook). */
	Answers send(Batch batch) {
		long started = System.nanoTime();
		List<PublisherOutcome> outcomes = batch.held().isEmpty() ? List.of()
				: this.publishers.client(batch.publisher()).inspectAll(new ArrayList<>(batch.held().values()));
		return new Answers(outcomes, System.nanoTime() - started);
	}

	/**
	 * Judges the publisher on the answers, then applies each answer to its account: routine ones (still
	 * valid, nothing else to do) together in a few statements, the others one by one, each decided first
	 * ({@link OutcomeRules#decide}) and then written in one transaction ({@link HealthStore#apply}). Results
	 * in batch order.
	 */
	List<CheckResult> apply(Batch batch, Answers sent, boolean incidentOpen, CircuitBreaker breaker) {
		Instant now = this.clock.instant();
		Answers answers = new Answers(this.rules.holdRefusalStorm(sent.outcomes(), incidentOpen), sent.nanos());
		boolean publisherDown = judgePublisher(batch.publisher(), answers.outcomes(), incidentOpen, breaker,
				answers.nanos(), now);
		Map<Long, CheckResult> results = results(batch, answers);
		Map<Long, PublisherOutcome.Valid> routine = new LinkedHashMap<>();
		Map<Long, CheckResult> eventful = new LinkedHashMap<>();
		results.forEach((id, result) -> {
			if (this.rules.isRoutine(TokenFacts.of(batch.tokens().get(id)), result, now)) {
				routine.put(id, (PublisherOutcome.Valid) result.outcome());
			}
			else {
				eventful.put(id, result);
			}
		});
		if (!routine.isEmpty()) {
			this.store.applyRoutine(routine, now);
		}
		// the account itself (its name, its owner) only matters to answers that have something to say
		Map<Long, PublisherAccount> accounts = eventful.isEmpty() ? Map.of()
				: this.accounts.findAll(List.copyOf(eventful.keySet())).stream()
					.collect(Collectors.toMap(PublisherAccount::id, Function.identity()));
		eventful.forEach((id, result) -> {
			PublisherAccount account = accounts.get(id);
			AccountHealth health = account == null ? null : this.store.find(id).orElse(null);
			if (health != null) {
				AccountToken token = batch.tokens().get(id);
				this.store.apply(id, token.version(), this.rules.decide(notice(account), TokenFacts.of(token), health,
						result, now, publisherDown));
			}
		});
		return List.copyOf(results.values());
	}

	/** Each answer with, for a valid Facebook token, the billing problem of its ad accounts; in batch order. */
	private Map<Long, CheckResult> results(Batch batch, Answers answers) {
		List<Long> checked = new ArrayList<>(batch.held().keySet());
		PublisherClient client = this.publishers.client(batch.publisher());
		Map<Long, List<SeenAsset>> assets = batch.publisher() == Publisher.FACEBOOK ? this.accounts.assets(checked)
				: Map.of();
		Map<Long, CheckResult> results = new LinkedHashMap<>();
		for (int i = 0; i < checked.size(); i++) {
			long id = checked.get(i);
			PublisherOutcome outcome = answers.outcomes().get(i);
			results.put(id, new CheckResult(outcome,
					billingProblem(client, batch.held().get(id), outcome, assets.getOrDefault(id, List.of()))));
		}
		return results;
	}

	/**
	 * The tokens to send, in claim order. The others are released at once: a token that cannot be
	 * decrypted with a note in its history, one invalidated (or gone) since its claim without.
	 */
	private Map<Long, HeldToken> sendable(Publisher publisher, List<Long> accountIds,
			Map<Long, AccountToken> tokensById) {
		Map<Long, HeldToken> held = new LinkedHashMap<>();
		for (long id : accountIds) {
			AccountToken token = tokensById.get(id);
			try {
				HeldToken secrets = token == null ? null : held(token);
				if (secrets != null) {
					held.put(id, secrets);
				}
				else {
					this.store.notChecked(id, this.clock.instant(), null);
				}
			}
			catch (TokenDecryptionException ex) {
				// never sent anywhere: the account's history says why it was not checked
				this.store.notChecked(id, this.clock.instant(), Evidence.of(publisher, "the stored token cannot be decrypted"));
			}
		}
		return held;
	}

	/**
	 * What the batch says about the publisher: an outage opens its incident, an answer during one closes
	 * it. Returns whether the publisher counts as down for these outcomes (no "can't reach" notices then).
	 */
	private boolean judgePublisher(Publisher publisher, List<PublisherOutcome> outcomes, boolean incidentOpen,
			CircuitBreaker breaker, long answerNanos, Instant now) {
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
		record(breaker, outcomes.size(), unreachable, outage || incidentOpen, answerNanos);
		return outage || incidentOpen;
	}

	private static NoticeAccount notice(PublisherAccount account) {
		return new NoticeAccount(account.id(), account.publisher(), account.externalId(), account.name(),
				account.ownerEmail());
	}

	/** The token's secrets; null when it holds none (invalidated). */
	private HeldToken held(AccountToken token) {
		if (token.status() == TokenStatus.INVALIDATED) {
			return null;
		}
		TokenSecret access = this.tokens.reveal(token, TokenKind.ACCESS).orElse(null);
		return access == null ? null : new HeldToken(access, this.tokens.reveal(token, TokenKind.TOKEN_SECRET).orElse(null));
	}

	/** Facebook only: a valid token's ad accounts that cannot pay; the first problem found. */
	private PublisherOutcome.FundingSourceInvalid billingProblem(PublisherClient client, HeldToken token,
			PublisherOutcome outcome, List<SeenAsset> assets) {
		if (!(outcome instanceof PublisherOutcome.Valid) || client.publisher() != Publisher.FACEBOOK) {
			return null;
		}
		for (SeenAsset asset : assets) {
			if (!"AD_ACCOUNT".equals(asset.kind())) {
				continue;
			}
			try {
				AdAccountBilling billing = client.billing(token, asset.assetId());
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
			long nanos) {
		if (checked > 0 && unreachable < checked) {
			breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
		}
		else if (checked > 0 && publisherDown) {
			breaker.onError(nanos, TimeUnit.NANOSECONDS, new IllegalStateException("publisher unreachable"));
		}
	}

}
