package io.tokenwarden.members;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.AgencySummary;
import io.tokenwarden.agencies.Person;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.agencies.SignedIn;
import io.tokenwarden.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Optional;

/**
 * What installation admins do: create agencies (each with an invitation to its first admin) and
 * make other people installation admins. The callers have checked that the person is one.
 */
@Service
class AgencyAdmin {

	/** What an action did, as the message to show and its argument. */
	record AgencyAdminResult(boolean done, String message, String argument) {
	}

	private final AgencyDirectory directory;

	private final Invitations invitations;

	private final AuditLog audit;

	AgencyAdmin(AgencyDirectory directory, Invitations invitations, AuditLog audit) {
		this.directory = directory;
		this.invitations = invitations;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<AgencySummary> agencies() {
		return this.directory.agencies();
	}

	@Transactional(readOnly = true)
	public List<Person> installationAdmins() {
		return this.directory.installationAdmins();
	}

	/** A new agency, and an invitation to {@code adminEmail} to be its first ADMIN. */
	@Transactional
	public AgencyAdminResult createAgency(SignedIn admin, String name, String adminEmail, String clientIp) {
		String agency = name == null ? "" : name.strip();
		if (agency.isEmpty() || agency.length() > 200 || !agency.equals(agency.replaceAll("\\p{Cntrl}", ""))) {
			return new AgencyAdminResult(false, "admin.agencies.badName", agency);
		}
		Optional<String> email = Invitations.address(adminEmail);
		if (email.isEmpty()) {
			return new AgencyAdminResult(false, "members.invite.badEmail", adminEmail);
		}
		if (this.directory.findAgency(agency).isPresent()) {
			return new AgencyAdminResult(false, "admin.agencies.nameTaken", agency);
		}
		long agencyId = this.directory.createAgency(agency);
		this.audit.record("agency_created", admin.email(), agencyId, null, agency + ", first admin " + email.get(), clientIp);
		this.invitations.create(agencyId, agency, email.get(), Role.ADMIN, admin.email(), clientIp);
		return new AgencyAdminResult(true, "admin.agencies.created", agency);
	}

	/** Makes an existing person an installation admin. */
	@Transactional
	public AgencyAdminResult grant(SignedIn admin, String email, String clientIp) {
		Optional<Person> person = Invitations.address(email).flatMap(this.directory::findPerson);
		if (person.isEmpty()) {
			return new AgencyAdminResult(false, "admin.installationAdmins.noSuchPerson", email);
		}
		if (person.get().installationAdmin()) {
			return new AgencyAdminResult(false, "admin.installationAdmins.already", person.get().email());
		}
		this.directory.setInstallationAdmin(person.get().id(), true);
		this.audit.record("installation_admin_granted", admin.email(), null, null, person.get().email(), clientIp);
		return new AgencyAdminResult(true, "admin.installationAdmins.granted", person.get().email());
	}

	/** Takes the installation admin rights away; never from the last one. 404 for someone who is not one. */
	@Transactional
	public AgencyAdminResult revoke(SignedIn admin, long userId, String clientIp) {
		Person person = this.directory.findPerson(userId)
			.filter(Person::installationAdmin)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "not an installation admin"));
		if (!this.directory.setInstallationAdmin(userId, false)) {
			return new AgencyAdminResult(false, "admin.installationAdmins.last", person.email());
		}
		this.audit.record("installation_admin_revoked", admin.email(), null, null, person.email(), clientIp);
		return new AgencyAdminResult(true, "admin.installationAdmins.revoked", person.email());
	}

}
