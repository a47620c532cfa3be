package io.tokenwarden.members;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Person;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.linktokens.LinkPurpose;
import io.tokenwarden.linktokens.LinkTokens;
import io.tokenwarden.notifications.NewLinkNotice;
import io.tokenwarden.notifications.NoticeStatus;
import io.tokenwarden.notifications.Notices;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sending, replacing and revoking invitations, and finding the one a link opens. The email goes
 * through the notice outbox in the same transaction as the invitation, so an SMTP outage loses none.
 */
@Service
class Invitations {

	private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"(),;:\\\\\\[\\]]+@[^\\s@<>\"(),;:\\\\\\[\\]]+\\.[^\\s@<>\"(),;:\\\\\\[\\]]+");

	/** What became of an invitation; the message codes say it to the admin. */
	enum InvitationResult {

		INVITED("members.invite.sent"), REPLACED("members.invite.replaced"), BAD_EMAIL("members.invite.badEmail"),
		BAD_ROLE("members.invite.badRole"), ALREADY_MEMBER("members.invite.alreadyMember");

		final String message;

		InvitationResult(String message) {
			this.message = message;
		}

		boolean done() {
			return this == INVITED || this == REPLACED;
		}

	}

	/** A pending invitation with how its email is doing. */
	record Pending(Invitation invitation, NoticeStatus delivery, boolean expired) {
	}

	private final InvitationStore store;

	private final AgencyDirectory directory;

	private final LinkTokens tokens;

	private final Notices notices;

	private final AuditLog audit;

	private final MembersSettings settings;

	private final Clock clock;

	Invitations(InvitationStore store, AgencyDirectory directory, LinkTokens tokens, Notices notices, AuditLog audit,
			MembersSettings settings, Clock clock) {
		this.store = store;
		this.directory = directory;
		this.tokens = tokens;
		this.notices = notices;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** An admin of the current agency invites {@code email} with {@code role}; bad input changes nothing. */
	@Transactional
	public InvitationResult invite(AgencyContext admin, String email, String role, String clientIp) {
		Optional<String> address = address(email);
		if (address.isEmpty()) {
			return InvitationResult.BAD_EMAIL;
		}
		Optional<Role> parsed = role(role);
		if (parsed.isEmpty()) {
			return InvitationResult.BAD_ROLE;
		}
		Optional<Person> existing = this.directory.findPerson(address.get());
		if (existing.isPresent() && this.directory.roleOf(admin.agencyId(), existing.get().id()).isPresent()) {
			return InvitationResult.ALREADY_MEMBER;
		}
		boolean replaced = create(admin.agencyId(), admin.agencyName(), address.get(), parsed.get(), admin.userEmail(),
				clientIp);
		return replaced ? InvitationResult.REPLACED : InvitationResult.INVITED;
	}

	/**
	 * Invites the address (valid, and not yet a member) in place of its pending invitation, if any;
	 * true when one was replaced. Joins the caller's transaction.
	 */
	@Transactional
	public boolean create(long agencyId, String agencyName, String email, Role role, String inviter, String clientIp) {
		Instant now = this.clock.instant();
		Optional<Invitation> previous = this.store.lockPending(agencyId, email);
		previous.ifPresent(p -> withdraw(p, now));
		Instant expiresAt = now.plus(this.settings.invitationTtl());
		long id = this.store.insert(agencyId, email, role, inviter, now, expiresAt);
		this.notices.enqueue(NewLinkNotice.invitation(id, email, agencyName, role.name(), inviter, expiresAt));
		this.audit.record("member_invited", inviter, agencyId, null,
				email + " as " + role.name() + (previous.isPresent() ? " (replaces the earlier invitation)" : ""), clientIp);
		return previous.isPresent();
	}

	/** Revokes a pending invitation of the admin's agency; false when there is none with that id (a 404). */
	@Transactional
	public boolean revoke(AgencyContext admin, long invitationId, String clientIp) {
		Optional<Invitation> invitation = this.store.find(invitationId).filter(i -> i.agencyId() == admin.agencyId());
		if (invitation.isEmpty()) {
			return false;
		}
		Invitation pending = invitation.get();
		if (pending.acceptedAt() == null && pending.revokedAt() == null) {
			withdraw(pending, this.clock.instant());
			this.audit.record("invitation_revoked", admin.userEmail(), admin.agencyId(), null, pending.email(), clientIp);
		}
		return true;
	}

	@Transactional(readOnly = true)
	public List<Pending> pending(long agencyId) {
		List<Invitation> invitations = this.store.pending(agencyId);
		Map<Long, NoticeStatus> delivery = this.notices.linkDelivery(LinkPurpose.INVITATION,
				invitations.stream().map(Invitation::id).toList());
		Instant now = this.clock.instant();
		return invitations.stream()
			.map(i -> new Pending(i, delivery.get(i.id()), !i.expiresAt().isAfter(now)))
			.toList();
	}

	/** The open invitation the link's token opens; empty for an unknown, used, revoked or expired one. */
	@Transactional(readOnly = true)
	public Optional<Invitation> open(String token) {
		Instant now = this.clock.instant();
		return this.tokens.find(LinkPurpose.INVITATION, token, now)
			.flatMap(this.store::find)
			.filter(i -> i.openAt(now));
	}

	private void withdraw(Invitation invitation, Instant now) {
		this.store.revoke(invitation.id(), now);
		this.tokens.revoke(LinkPurpose.INVITATION, invitation.id(), now);
		this.notices.withdrawUnsent(LinkPurpose.INVITATION, invitation.id());
	}

	/** The address, trimmed and lower-cased, when it looks like one. */
	static Optional<String> address(String email) {
		if (email == null) {
			return Optional.empty();
		}
		String address = email.trim().toLowerCase(Locale.ROOT);
		return address.length() <= 320 && EMAIL.matcher(address).matches() ? Optional.of(address) : Optional.empty();
	}

	static Optional<Role> role(String role) {
		for (Role candidate : Role.values()) {
			if (candidate.name().equals(role == null ? "" : role.trim().toUpperCase(Locale.ROOT))) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
