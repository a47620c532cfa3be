package io.tokenwarden.invalidation;

import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.Publishers;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenDecryptionException;
import io.tokenwarden.tokens.TokenKind;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sends the revocations the invalidations wrote: right after their commit, and again on a schedule for
 * whatever is due. A request is claimed with {@code FOR UPDATE SKIP LOCKED}, so instances never send the
 * same one twice; unreachable or rate-limited publishers are retried with backoff (honouring their
 * retry-at); after the last attempt the request fails visibly. Either way its ciphertexts are erased.
 */
@Component
class RevocationSender {

	private static final Logger log = LoggerFactory.getLogger(RevocationSender.class);

	private final RevocationOutbox outbox;

	private final AccountTokens tokens;

	private final Publishers publishers;

	private final AuditLog auditLog;

	private final RevocationSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RevocationSender(RevocationOutbox outbox, AccountTokens tokens, Publishers publishers, AuditLog auditLog,
			RevocationSettings settings, TransactionTemplate transactions, Clock clock) {
		this.outbox = outbox;
		this.tokens = tokens;
		this.publishers = publishers;
		this.auditLog = auditLog;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener
	void onInvalidated(TokenInvalidated event) {
		if (this.settings.scheduledSending()) {
			sendDue();
		}
	}

	/** Sends every due revocation; returns how many it handled (done, rescheduled or failed). */
	int sendDue() {
		int handled = 0;
		int batch;
		do {
			batch = this.transactions.execute(status -> {
				List<RevocationOutbox.Request> due = this.outbox.claimDue(this.clock.instant(), 10);
				due.forEach(this::send);
				return due.size();
			});
			handled += batch;
		}
		while (batch == 10);
		return handled;
	}

	private void send(RevocationOutbox.Request request) {
		String publisher = request.publisher().displayName();
		if (refreshedSince(request)) {
			// an admin refreshed the account after invalidating it: revoking now would kill the new grant
			// (Facebook revokes the user's whole app grant), so the old token is left to expire
			this.outbox.abandon(request.id(), "not sent: the account was refreshed after the invalidation");
			this.auditLog.record("revocation_skipped", "revocation", null, request.accountId(),
					"refreshed after the invalidation; the new grant is kept", null);
			return;
		}
		if (request.accessCiphertext() == null) {
			giveUp(request, "nothing to revoke: the request holds no access token");
			return;
		}
		try {
			this.publishers.client(request.publisher()).revoke(held(request));
			this.outbox.done(request.id());
			this.auditLog.record("token_revoked", "revocation", null, request.accountId(),
					"revoked at " + publisher + " after " + (request.attempts() + 1) + " attempts", null);
		}
		catch (PublisherException ex) {
			retryOrGiveUp(request, ex.getMessage(), retryAt(ex.outcome(), request.attempts() + 1));
		}
		catch (TokenDecryptionException ex) {
			giveUp(request, ex.getMessage());
		}
	}

	private boolean refreshedSince(RevocationOutbox.Request request) {
		return this.tokens.find(request.accountId())
			.filter(token -> token.status() == TokenStatus.VALID)
			.filter(token -> token.statusChangedAt().isAfter(request.requestedAt()))
			.isPresent();
	}

	private HeldToken held(RevocationOutbox.Request request) {
		TokenSecret access = this.tokens.decryptRemoved(request.accountId(), TokenKind.ACCESS, request.accessCiphertext());
		TokenSecret secret = request.tokenSecretCiphertext() == null ? null
				: this.tokens.decryptRemoved(request.accountId(), TokenKind.TOKEN_SECRET, request.tokenSecretCiphertext());
		return new HeldToken(access, secret);
	}

	private Instant retryAt(PublisherOutcome outcome, int attempts) {
		Instant backoff = this.clock.instant().plus(this.settings.delayAfter(attempts));
		if (outcome instanceof PublisherOutcome.RateLimited limited && limited.retryAt().isAfter(backoff)) {
			return limited.retryAt();
		}
		return backoff;
	}

	private void retryOrGiveUp(RevocationOutbox.Request request, String error, Instant next) {
		if (request.attempts() + 1 >= this.settings.maxAttempts()) {
			giveUp(request, error);
			return;
		}
		log.info("Revocation {} for account {} will be retried at {}: {}", request.id(), request.accountId(), next, error);
		this.outbox.retryAt(request.id(), next, error);
	}

	private void giveUp(RevocationOutbox.Request request, String error) {
		log.warn("Revocation {} for account {} failed for good: {}", request.id(), request.accountId(), error);
		this.outbox.abandon(request.id(), error);
		this.auditLog.record("revocation_failed", "revocation", null, request.accountId(), error, null);
	}

}
