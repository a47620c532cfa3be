package io.tokenwarden.members;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Person;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.linktokens.LinkPurpose;
import io.tokenwarden.linktokens.LinkTokens;
import io.tokenwarden.notifications.NewLinkNotice;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.security.SignIns;
import io.tokenwarden.security.UserSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Forgotten and changed passwords. Asking for a reset link answers the same, in the same time,
 * whether or not the address belongs to anyone: the request thread only hands the address to a
 * background worker, which looks it up and, for a real person, puts the email in the outbox. After a
 * reset or a change every other session of the person ends.
 */
@Service
class Passwords {

	/** How a reset or a change went: done, or the form again with a message. */
	record PasswordResult(boolean done, String message) {
	}

	private final AgencyDirectory directory;

	private final LinkTokens tokens;

	private final Notices notices;

	private final PasswordPolicy policy;

	private final SignIns signIns;

	private final UserSessions sessions;

	private final AuditLog audit;

	private final MembersSettings settings;

	private final TransactionTemplate transactions;

	private final ResetWorker resetWorker;

	private final Clock clock;

	Passwords(AgencyDirectory directory, LinkTokens tokens, Notices notices, PasswordPolicy policy, SignIns signIns,
			UserSessions sessions, AuditLog audit, MembersSettings settings, TransactionTemplate transactions,
			ResetWorker resetWorker, Clock clock) {
		this.directory = directory;
		this.tokens = tokens;
		this.notices = notices;
		this.policy = policy;
		this.signIns = signIns;
		this.sessions = sessions;
		this.audit = audit;
		this.settings = settings;
		this.transactions = transactions;
		this.resetWorker = resetWorker;
		this.clock = clock;
	}

	/** Hands the request to the background worker and returns at once, whatever the address. */
	void requestReset(String email, String clientIp) {
		String address = email == null ? "" : email.strip();
		this.resetWorker.submit(() -> prepareReset(address, clientIp));
	}

	/** For a person who can sign in: the reset email in the outbox, earlier reset links dead. */
	void prepareReset(String email, String clientIp) {
		if (email.isEmpty() || email.length() > 320) {
			return;
		}
		this.transactions.executeWithoutResult(status -> this.directory.findPerson(email).filter(Person::enabled)
			.ifPresent(person -> {
				Instant now = this.clock.instant();
				NewLinkNotice notice = NewLinkNotice.passwordReset(person.id(), person.email(), now,
						now.plus(this.settings.passwordResetTtl()));
				if (this.notices.enqueue(notice)) {
					this.tokens.revoke(LinkPurpose.PASSWORD_RESET, person.id(), now);
					this.audit.record("password_reset_requested", person.email(), null, null, null, clientIp);
				}
			}));
	}

	/** The person a reset link is for, while it works. */
	Optional<Person> resetFor(String token) {
		return this.tokens.find(LinkPurpose.PASSWORD_RESET, token, this.clock.instant())
			.flatMap(this.directory::findPerson)
			.filter(Person::enabled);
	}

	/** Sets the new password through the link; empty when the link no longer works. */
	Optional<PasswordResult> reset(String token, String password, HttpServletRequest request) {
		Optional<Person> person = resetFor(token);
		if (person.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> weak = this.policy.check(password, person.get().email());
		if (weak.isPresent()) {
			return Optional.of(new PasswordResult(false, weak.get()));
		}
		Boolean done = this.transactions.execute(status -> {
			Optional<Long> used = this.tokens.consume(LinkPurpose.PASSWORD_RESET, token, this.clock.instant());
			if (used.isEmpty() || used.get() != person.get().id()) {
				return false;
			}
			this.directory.setPassword(person.get().id(), password);
			this.audit.record("password_reset", person.get().email(), null, null, "through the emailed link",
					request.getRemoteAddr());
			return true;
		});
		if (!Boolean.TRUE.equals(done)) {
			return Optional.empty();
		}
		endOtherSessions(person.get().email(), request);
		// the owner proved themselves by email: a lock an attacker caused ends too
		this.signIns.forgetFailures(person.get().email());
		return Optional.of(new PasswordResult(true, "password.reset.done"));
	}

	/** The signed-in person changes their own password; their other sessions end. */
	PasswordResult change(String email, String currentPassword, String newPassword, HttpServletRequest request) {
		Person person = this.directory.findPerson(email).orElseThrow();
		if (!this.directory.passwordMatches(person.id(), currentPassword)) {
			return new PasswordResult(false, "password.change.wrongCurrent");
		}
		Optional<String> weak = this.policy.check(newPassword, person.email());
		if (weak.isPresent()) {
			return new PasswordResult(false, weak.get());
		}
		if (newPassword.equals(currentPassword)) {
			return new PasswordResult(false, "password.change.same");
		}
		this.transactions.executeWithoutResult(status -> {
			this.directory.setPassword(person.id(), newPassword);
			// a reset link asked for earlier must not undo this change
			this.tokens.revoke(LinkPurpose.PASSWORD_RESET, person.id(), this.clock.instant());
			this.audit.record("password_changed", person.email(), null, null, null, request.getRemoteAddr());
		});
		int ended = endOtherSessions(person.email(), request);
		return new PasswordResult(true, ended == 0 ? "password.change.done" : "password.change.doneSignedOut");
	}

	/**
	 * Every session of the person but the one of this request (none, for a request without a session) ends,
	 * on every instance, through the one mechanism "Sign out everywhere else" uses too.
	 */
	private int endOtherSessions(String email, HttpServletRequest request) {
		HttpSession current = request.getSession(false);
		return this.sessions.endOthers(email, current == null ? null : current.getId());
	}

}
