package io.tokenwarden.agencies;

import java.util.List;
import java.util.Optional;

/**
 * Who is working, in which agency, with which role; and every agency they may switch to.
 */
public record AgencyContext(String userEmail, AgencyRole current, List<AgencyRole> memberships) {

	public long agencyId() {
		return this.current.agencyId();
	}

	public String agencyName() {
		return this.current.agencyName();
	}

	public Role role() {
		return this.current.role();
	}

	public boolean isAdmin() {
		return this.current.role().canChangeTokens();
	}

	public Optional<AgencyRole> membership(long agencyId) {
		return this.memberships.stream().filter(m -> m.agencyId() == agencyId).findFirst();
	}

}
