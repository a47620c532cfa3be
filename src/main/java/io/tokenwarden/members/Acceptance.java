package io.tokenwarden.members;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.CurrentAgency;
import io.tokenwarden.agencies.Person;
import io.tokenwarden.agencies.SignedIn;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.linktokens.LinkPurpose;
import io.tokenwarden.linktokens.LinkTokens;
import io.tokenwarden.security.SignIns;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Accepting an invitation. A new person chooses a display name and a password; a person who already
 * signs in to Token Warden proves it with their password (through the sign-in throttle) or is signed
 * in already. Either way the membership is added, the token is used up in the same transaction, and
 * the person ends up signed in, working in the agency that invited them.
 */
@Service
class Acceptance {

	/** Who opened the invitation, which decides what its page asks for. */
	enum Mode {
		NEW_PERSON, SIGN_IN, SIGNED_IN, SOMEONE_ELSE
	}

	/** The page of an open invitation. */
	record View(Invitation invitation, Mode mode, String signedInAs) {
	}

	/** How a POST went: accepted (into {@code agencyId}), or the page again with {@code error}, or no invitation. */
	record AcceptanceOutcome(boolean accepted, boolean invalid, View view, String error, long agencyId, String agencyName) {

		static AcceptanceOutcome invalidLink() {
			return new AcceptanceOutcome(false, true, null, null, 0, null);
		}

		static AcceptanceOutcome again(View view, String error) {
			return new AcceptanceOutcome(false, false, view, error, 0, null);
		}

	}

	private final Invitations invitations;

	private final InvitationStore store;

	private final AgencyDirectory directory;

	private final CurrentAgency currentAgency;

	private final LinkTokens tokens;

	private final PasswordPolicy policy;

	private final SignIns signIns;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Acceptance(Invitations invitations, InvitationStore store, AgencyDirectory directory, CurrentAgency currentAgency,
			LinkTokens tokens, PasswordPolicy policy, SignIns signIns, AuditLog audit, TransactionTemplate transactions,
			Clock clock) {
		this.invitations = invitations;
		this.store = store;
		this.directory = directory;
		this.currentAgency = currentAgency;
		this.tokens = tokens;
		this.policy = policy;
		this.signIns = signIns;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	Optional<View> view(String token) {
		return this.invitations.open(token).map(this::viewOf);
	}

	AcceptanceOutcome accept(String token, String displayName, String password, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<View> opened = view(token);
		if (opened.isEmpty()) {
			return AcceptanceOutcome.invalidLink();
		}
		View view = opened.get();
		String email = view.invitation().email();
		return switch (view.mode()) {
			case SOMEONE_ELSE -> AcceptanceOutcome.again(view, "invitation.someoneElse");
			case SIGNED_IN -> join(token, view, request);
			case SIGN_IN -> switch (this.signIns.signIn(email, password == null ? "" : password, request, response)) {
				case SIGNED_IN -> join(token, view, request);
				case WRONG_PASSWORD -> AcceptanceOutcome.again(view, "invitation.wrongPassword");
				case THROTTLED -> AcceptanceOutcome.again(view, "login.locked");
			};
			case NEW_PERSON -> newPerson(token, view, displayName, password, request, response);
		};
	}

	private AcceptanceOutcome newPerson(String token, View view, String displayName, String password, HttpServletRequest request,
			HttpServletResponse response) {
		String name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty() || name.length() > 200 || !name.equals(name.replaceAll("\\p{Cntrl}", ""))) {
			return AcceptanceOutcome.again(view, "invitation.badName");
		}
		Optional<String> weak = this.policy.check(password, view.invitation().email());
		if (weak.isPresent()) {
			return AcceptanceOutcome.again(view, weak.get());
		}
		Invitation invitation = view.invitation();
		Boolean joined = this.transactions.execute(status -> {
			if (!use(token, invitation)) {
				return false;
			}
			long userId = this.directory.createUser(invitation.email(), name, password);
			this.directory.addMember(invitation.agencyId(), userId, invitation.role());
			this.audit.record("invitation_accepted", invitation.email(), invitation.agencyId(), null,
					"joined as " + invitation.role().name() + ", invited by " + invitation.invitedBy(), request.getRemoteAddr());
			return true;
		});
		if (!Boolean.TRUE.equals(joined)) {
			return AcceptanceOutcome.invalidLink();
		}
		this.signIns.signIn(invitation.email(), password, request, response);
		return accepted(invitation);
	}

	private AcceptanceOutcome join(String token, View view, HttpServletRequest request) {
		Invitation invitation = view.invitation();
		Person person = this.directory.findPerson(invitation.email()).orElseThrow();
		Boolean joined = this.transactions.execute(status -> {
			if (!use(token, invitation)) {
				return false;
			}
			boolean added = this.directory.addMemberIfAbsent(invitation.agencyId(), person.id(), invitation.role());
			this.audit.record("invitation_accepted", invitation.email(), invitation.agencyId(), null,
					(added ? "joined as " + invitation.role().name() : "was a member already") + ", invited by "
							+ invitation.invitedBy(), request.getRemoteAddr());
			return true;
		});
		return Boolean.TRUE.equals(joined) ? accepted(invitation) : AcceptanceOutcome.invalidLink();
	}

	/** Uses the token and marks the invitation accepted; false when either was used meanwhile. */
	private boolean use(String token, Invitation invitation) {
		Instant now = this.clock.instant();
		Optional<Long> subject = this.tokens.consume(LinkPurpose.INVITATION, token, now);
		return subject.isPresent() && subject.get() == invitation.id() && this.store.accept(invitation.id(), now);
	}

	private AcceptanceOutcome accepted(Invitation invitation) {
		this.currentAgency.switchTo(invitation.agencyId());
		return new AcceptanceOutcome(true, false, null, null, invitation.agencyId(), invitation.agencyName());
	}

	private View viewOf(Invitation invitation) {
		Optional<SignedIn> signedIn = this.currentAgency.signedIn();
		boolean known = this.directory.findPerson(invitation.email()).isPresent();
		Mode mode;
		if (signedIn.isPresent() && !signedIn.get().email().equals(invitation.email())) {
			mode = Mode.SOMEONE_ELSE;
		}
		else if (signedIn.isPresent()) {
			mode = Mode.SIGNED_IN;
		}
		else {
			mode = known ? Mode.SIGN_IN : Mode.NEW_PERSON;
		}
		return new View(invitation, mode, signedIn.map(SignedIn::email).orElse(null));
	}

}
