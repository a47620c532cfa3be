package io.tokenwarden.accounts;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.AgencyRole;
import io.tokenwarden.agencies.CurrentAgency;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Optional;

/**
 * Who may see and act on a publisher account. An account not linked to any of the person's agencies
 * does not exist for them (404); acting on one needs the ADMIN role in an agency it is linked to (403).
 */
@Service
public class AccountAccess {

	private final JdbcClient jdbc;

	private final CurrentAgency currentAgency;

	AccountAccess(JdbcClient jdbc, CurrentAgency currentAgency) {
		this.jdbc = jdbc;
		this.currentAgency = currentAgency;
	}

	/** The signed-in person may act on the account, in the name of {@code agencyId}. */
	public record Grant(long accountId, long agencyId, String actor) {
	}

	/** The agencies of the signed-in person that the account is linked to; 404 when there are none. */
	public List<AgencyRole> requireVisible(long accountId) {
		AgencyContext context = this.currentAgency.get();
		List<Long> linked = this.jdbc.sql("select agency_id from agency_account_link where account_id = ?")
			.param(accountId)
			.query(Long.class)
			.list();
		List<AgencyRole> mine = context.memberships().stream().filter(m -> linked.contains(m.agencyId())).toList();
		if (mine.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such account");
		}
		return mine;
	}

	/**
	 * The grant to change the account's token: 404 when it is not visible, 403 unless the person is
	 * an ADMIN of one of its agencies (the current agency first).
	 */
	public Grant requireAdmin(long accountId) {
		AgencyContext context = this.currentAgency.get();
		List<AgencyRole> mine = requireVisible(accountId);
		Optional<AgencyRole> admin = mine.stream()
			.filter(m -> m.role().canChangeTokens())
			.min((a, b) -> Boolean.compare(a.agencyId() != context.agencyId(), b.agencyId() != context.agencyId()));
		return admin.map(m -> new Grant(accountId, m.agencyId(), context.userEmail()))
			.orElseThrow(() -> new AccessDeniedException("an ADMIN role is needed to change tokens"));
	}

	/**
	 * The grant to change how the current agency holds the account (link, unlink, owner): 404 unless the
	 * account is linked to the current agency, then 403 unless the person is an ADMIN there.
	 */
	public Grant requireAdminHere(long accountId) {
		AgencyContext context = this.currentAgency.get();
		if (!linkedToCurrentAgency(accountId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such account");
		}
		if (!context.isAdmin()) {
			throw new AccessDeniedException("an ADMIN role is needed to change this account");
		}
		return new Grant(accountId, context.agencyId(), context.userEmail());
	}

	/** Whether the current agency holds the account (its page then offers link, unlink and owner changes). */
	public boolean linkedToCurrentAgency(long accountId) {
		return this.currentAgency.find()
			.map(context -> this.jdbc.sql("select exists (select 1 from agency_account_link where agency_id = ? and account_id = ?)")
				.params(context.agencyId(), accountId)
				.query(Boolean.class)
				.single())
			.orElse(false);
	}

	/** 403 unless the signed-in person is (still) an ADMIN of {@code agencyId}; a Connect's callback checks it. */
	public AgencyContext requireAdminOf(long agencyId) {
		AgencyContext context = this.currentAgency.get();
		if (context.membership(agencyId).filter(m -> m.role().canChangeTokens()).isEmpty()) {
			throw new AccessDeniedException("an ADMIN role in the agency is needed to connect accounts to it");
		}
		return context;
	}

	/** 403 unless the person is an ADMIN of the current agency. */
	public AgencyContext requireAdminOfCurrentAgency() {
		AgencyContext context = this.currentAgency.get();
		if (!context.isAdmin()) {
			throw new AccessDeniedException("an ADMIN role is needed to change tokens");
		}
		return context;
	}

}
