package io.tokenwarden.members;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Member;
import io.tokenwarden.agencies.MembershipChange;
import io.tokenwarden.agencies.Person;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Optional;

/**
 * The members of the current agency: their roles and their removal, audited. Memberships are read
 * from the database on every request (see {@code CurrentAgency}), so a change holds from the
 * member's very next request, in every session they have open.
 */
@Service
class Team {

	/** What a change did, as the message to show. */
	record TeamChange(boolean done, String message, String person) {
	}

	private final AgencyDirectory directory;

	private final AuditLog audit;

	Team(AgencyDirectory directory, AuditLog audit) {
		this.directory = directory;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Member> members(long agencyId) {
		return this.directory.members(agencyId);
	}

	/** Gives a member another role; 404 for someone who is not a member of the agency. */
	@Transactional
	public TeamChange changeRole(AgencyContext admin, long userId, String role, String clientIp) {
		Person person = member(admin, userId);
		Optional<Role> parsed = Invitations.role(role);
		if (parsed.isEmpty()) {
			return new TeamChange(false, "members.invite.badRole", person.email());
		}
		Role before = this.directory.roleOf(admin.agencyId(), userId).orElseThrow();
		MembershipChange change = this.directory.changeRole(admin.agencyId(), userId, parsed.get());
		return switch (change) {
			case CHANGED -> {
				this.audit.record("member_role_changed", admin.userEmail(), admin.agencyId(), null,
						person.email() + ": " + before.name() + " -> " + parsed.get().name(), clientIp);
				yield new TeamChange(true, "members.role.changed", person.email());
			}
			case UNCHANGED -> new TeamChange(false, "members.role.unchanged", person.email());
			case LAST_ADMIN -> new TeamChange(false, "members.lastAdmin", person.email());
			case NOT_A_MEMBER -> throw notFound();
		};
	}

	/** Removes a member from the agency; 404 for someone who is not a member of it. */
	@Transactional
	public TeamChange remove(AgencyContext admin, long userId, String clientIp) {
		Person person = member(admin, userId);
		MembershipChange change = this.directory.removeMember(admin.agencyId(), userId);
		return switch (change) {
			case CHANGED -> {
				this.audit.record("member_removed", admin.userEmail(), admin.agencyId(), null, person.email(), clientIp);
				yield new TeamChange(true, "members.removed", person.email());
			}
			case LAST_ADMIN -> new TeamChange(false, "members.lastAdmin", person.email());
			case UNCHANGED, NOT_A_MEMBER -> throw notFound();
		};
	}

	private Person member(AgencyContext admin, long userId) {
		if (this.directory.roleOf(admin.agencyId(), userId).isEmpty()) {
			throw notFound();
		}
		return this.directory.findPerson(userId).orElseThrow(Team::notFound);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "not a member of this agency");
	}

}
