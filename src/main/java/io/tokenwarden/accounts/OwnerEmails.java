package io.tokenwarden.accounts;

import io.tokenwarden.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.util.Optional;

/**
 * The owner's email: who receives an account's expiry notices. A change is validated, audited and
 * announced by {@link OwnerEmailChanged}, so that notices still waiting to go out follow the new owner.
 */
@Service
public class OwnerEmails {

	static final int MAX_LENGTH = 320;

	private final AccountAccess access;

	private final PublisherAccountRepository accounts;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OwnerEmails(AccountAccess access, PublisherAccountRepository accounts, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** How a change ended: the message key of a refusal, or the account's name once changed. */
	public record OwnerChange(String refusal, String accountName, String ownerEmail) {

		public boolean refused() {
			return this.refusal != null;
		}

	}

	/**
	 * Changes the owner's email; a value that is not one plausible address is refused with the key of
	 * its message and changes nothing. Access is checked first, so a bad value from a viewer is a 403.
	 */
	@Transactional
	public OwnerChange change(long accountId, String ownerEmail, String clientIp) {
		AccountAccess.Grant grant = this.access.requireAdminHere(accountId);
		PublisherAccount account = this.accounts.findById(accountId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Optional<String> refusal = refusal(ownerEmail);
		if (refusal.isPresent()) {
			return new OwnerChange(refusal.get(), account.name(), account.ownerEmail());
		}
		String email = ownerEmail.strip();
		String previous = account.ownerEmail();
		if (previous.equalsIgnoreCase(email)) {
			return new OwnerChange(null, account.name(), previous);
		}
		account.changeOwner(email);
		this.accounts.flush();
		this.auditLog.record("owner_changed", grant.actor(), grant.agencyId(), accountId, previous + " → " + email,
				clientIp);
		this.events.publishEvent(new OwnerEmailChanged(accountId, previous, email, grant.actor(), this.clock.instant()));
		return new OwnerChange(null, account.name(), email);
	}

	/** Why a value is not an owner email: empty, too long, control characters, or not one {@code @}. */
	static Optional<String> refusal(String value) {
		if (value == null || value.isBlank()) {
			return Optional.of("owner.required");
		}
		String email = value.strip();
		if (email.length() > MAX_LENGTH) {
			return Optional.of("owner.tooLong");
		}
		if (email.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
			return Optional.of("owner.controlCharacters");
		}
		int at = email.indexOf('@');
		if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
			return Optional.of("owner.oneAt");
		}
		return Optional.empty();
	}

}
