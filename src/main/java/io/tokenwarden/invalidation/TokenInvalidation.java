package io.tokenwarden.invalidation;

import io.tokenwarden.accounts.AccountAccess;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.AccountRow;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.notifications.NewNotice;
import io.tokenwarden.notifications.NoticeAccount;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.RemovedSecrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Invalidates a publisher account's token for every agency it is linked to. One transaction sets the
 * status, removes the ciphertexts from the token row, writes the audit event and the revocation request;
 * the publisher is told after the commit, by {@link RevocationSender}. The cost does not depend on how
 * many agencies are linked: the token lives once per account.
 */
@Service
public class TokenInvalidation {

	private final AccountAccess access;

	private final AccountDirectory accounts;

	private final AccountTokens tokens;

	private final RevocationOutbox outbox;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Notices notices;

	private final Clock clock;

	TokenInvalidation(AccountAccess access, AccountDirectory accounts, AccountTokens tokens, RevocationOutbox outbox,
			AuditLog auditLog, ApplicationEventPublisher events, Notices notices, Clock clock) {
		this.notices = notices;
		this.access = access;
		this.accounts = accounts;
		this.tokens = tokens;
		this.outbox = outbox;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** The account as the confirmation shows it, with every agency that would lose it; admins only. */
	@Transactional(readOnly = true)
	public AccountRow confirmation(long accountId) {
		this.access.requireAdmin(accountId);
		return this.accounts.row(accountId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@Transactional
	public InvalidationOutcome invalidate(long accountId, InvalidationReason reason, String note, String clientIp) {
		AccountAccess.Grant grant = this.access.requireAdmin(accountId);
		PublisherAccount account = this.accounts.find(accountId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<String> agencies = this.accounts.linkedAgencyNames(accountId);
		Optional<RemovedSecrets> removed = this.tokens.invalidate(accountId, reason.name(), note, grant.actor());
		if (removed.isEmpty()) {
			return new InvalidationOutcome(true, account.name(), agencies);
		}
		RemovedSecrets secrets = removed.get();
		// a revocation needs the token itself (an X token that migration V90 removed has nothing to revoke)
		if (secrets.accessTokenCiphertext() != null) {
			this.outbox.add(accountId, account.publisher(), account.externalId(), secrets.accessTokenCiphertext(),
					secrets.tokenSecretCiphertext(), grant.actor());
		}
		this.auditLog.record("token_invalidated", grant.actor(), grant.agencyId(), accountId,
				secrets.previousStatus() + " → INVALIDATED; reason " + reason + "; " + agencies.size() + " agencies",
				clientIp);
		Instant now = this.clock.instant();
		// the owner's one notice: a deliberate unlink, never an "expired" email
		this.notices.enqueue(NewNotice.unlinked(new NoticeAccount(accountId, account.publisher(), account.externalId(),
				account.name(), account.ownerEmail()), grant.actor(), now, reason.name(),
				"unlinked:" + accountId + ":" + now.toEpochMilli()));
		this.events.publishEvent(new TokenInvalidated(accountId, account.publisher(), grant.actor(), grant.agencyId(),
				reason, note, now));
		return new InvalidationOutcome(false, account.name(), agencies);
	}

}
