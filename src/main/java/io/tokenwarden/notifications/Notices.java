package io.tokenwarden.notifications;

import io.tokenwarden.linktokens.LinkPurpose;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notifications module's API. A module that changes a token's state enqueues the notice in the
 * same transaction; the sender job turns due notices into one digest email per recipient, with
 * retries, and this service shows what was sent.
 */
@Service
public class Notices {

	/** Rows per page of Config > Notifications. */
	public static final int PAGE_SIZE = 50;

	/** The header of a notice email with the ids of the notices it carries, comma-separated. */
	public static final String NOTICES_HEADER = "X-Token-Warden-Notices";

	private final NoticeOutbox outbox;

	private final NoticeSender sender;

	private final AdminCopies adminCopies;

	private final Clock clock;

	private final LinkNoticeOutbox linkOutbox;

	Notices(NoticeOutbox outbox, NoticeSender sender, AdminCopies adminCopies, Clock clock, LinkNoticeOutbox linkOutbox) {
		this.outbox = outbox;
		this.linkOutbox = linkOutbox;
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
	 * Puts an email with a link (an invitation, a password reset) in the outbox, inside the caller's
	 * transaction, in place of the subject's earlier emails that have not gone out. It goes out on its
	 * own, not in a digest; the link's token is issued when it is sent.
	 *
	 * @return true when the email is new, false when one with the same dedupe key was already there
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueue(NewLinkNotice notice) {
		Optional<Long> id = this.linkOutbox.insert(notice, this.clock.instant());
		id.ifPresent(keep -> this.linkOutbox.withdrawUnsent(notice.purpose(), notice.subjectId(), keep));
		return id.isPresent();
	}

	/** Takes back the subject's link emails that have not gone out; joins the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int withdrawUnsent(LinkPurpose purpose, long subjectId) {
		return this.linkOutbox.withdrawUnsent(purpose, subjectId, -1);
	}

	/** How the newest link email of each subject is doing (sent, pending, failed, given up). */
	@Transactional(readOnly = true)
	public Map<Long, NoticeStatus> linkDelivery(LinkPurpose purpose, Collection<Long> subjectIds) {
		return this.linkOutbox.latestStatus(purpose, subjectIds);
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
