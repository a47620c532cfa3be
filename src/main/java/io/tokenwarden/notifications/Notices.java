package io.tokenwarden.notifications;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * The notifications module's API. A module that changes a token's state enqueues the notice in the
 * same transaction; the sender job turns due notices into one digest email per recipient, with
 * retries, and this service shows what was sent.
 */
@Service
public class Notices {

	/** Rows per page of Config > Notifications. */
	public static final int PAGE_SIZE = 50;

	private final NoticeOutbox outbox;

	private final NoticeSender sender;

	private final AdminCopies adminCopies;

	private final Clock clock;

	Notices(NoticeOutbox outbox, NoticeSender sender, AdminCopies adminCopies, Clock clock) {
		this.outbox = outbox;
		this.sender = sender;
		this.adminCopies = adminCopies;
		this.clock = clock;
	}

	/**
	 * Puts the notice in the outbox, inside the caller's transaction (there must be one): it is
	 * committed with the state change it reports, or not at all. Enqueuing the same dedupe key for
	 * the same recipient again changes nothing.
	 *
	 * @return true when the notice is new, false when it was already there
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueue(NewNotice notice) {
		return this.outbox.insert(notice, this.clock.instant());
	}

	/**
	 * The agency admins who asked for copies and administer an agency the account is linked to (the
	 * owner excluded): enqueue {@link NewNotice#copyTo(String)} for each.
	 */
	@Transactional(readOnly = true)
	public List<String> adminCopyRecipients(long accountId) {
		return this.adminCopies.recipientsFor(accountId);
	}

	/**
	 * Takes back the account's notices of these kinds that have not gone out yet (a refresh made them
	 * untrue). Joins the caller's transaction; returns how many were withdrawn.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int withdrawUnsent(long accountId, java.util.Set<NoticeKind> kinds) {
		return this.outbox.withdrawUnsent(accountId, kinds);
	}

	/** Runs one send round now, whatever the schedule; safe alongside the scheduled rounds of any instance. */
	public SendReport sendDueNow() {
		return this.sender.sendDue();
	}

	/** The notices about one account, newest first: for its account page (the caller checks access). */
	@Transactional(readOnly = true)
	public List<Notice> forAccount(long accountId, int limit) {
		return this.outbox.forAccount(accountId, Math.max(1, Math.min(limit, 500)));
	}

	/** One page of the notices about the accounts linked to the agency, newest first, optionally of one status. */
	@Transactional(readOnly = true)
	public NoticePage forAgency(long agencyId, NoticeStatus status, int page) {
		return this.outbox.page(agencyId, status, Math.max(0, page), PAGE_SIZE);
	}

	@Transactional(readOnly = true)
	public boolean receivesAdminCopies(String userEmail, long agencyId) {
		return this.adminCopies.isOptedIn(userEmail, agencyId);
	}

	/** Turns the person's copies for the agency on or off; false when they are not an ADMIN there. */
	@Transactional
	public boolean setAdminCopies(String userEmail, long agencyId, boolean enabled) {
		if (!enabled) {
			this.adminCopies.optOut(userEmail, agencyId);
			return true;
		}
		return this.adminCopies.optIn(userEmail, agencyId);
	}

}
