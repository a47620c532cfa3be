package io.tokenwarden.refresh;

import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.publishers.PublisherOutcome;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * How a refresh that could not complete is recorded and told, for both publishers' callbacks: a
 * {@code refresh_failed} audit event, attributed to the pending refresh, or else to the account its state
 * (or X request token) was issued for; and the publisher's outcome in the admin's words.
 */
@Component
class RefreshFailures {

	private final AuditLog auditLog;

	private final IssuedStates issuedStates;

	private final CurrentAgency currentAgency;

	RefreshFailures(AuditLog auditLog, IssuedStates issuedStates, CurrentAgency currentAgency) {
		this.auditLog = auditLog;
		this.issuedStates = issuedStates;
		this.currentAgency = currentAgency;
	}

	static RefreshResult of(PublisherOutcome outcome, String publisher) {
		if (outcome instanceof PublisherOutcome.Unreachable) {
			return RefreshResult.failed("refresh.unreachable", publisher);
		}
		if (outcome instanceof PublisherOutcome.RateLimited) {
			return RefreshResult.failed("refresh.rateLimited", publisher);
		}
		if (outcome instanceof PublisherOutcome.Misconfigured) {
			return RefreshResult.failed("refresh.misconfigured", publisher);
		}
		if (outcome instanceof PublisherOutcome.Expired expired) {
			return RefreshResult.failed("refresh.refused", publisher,
					new DefaultMessageSourceResolvable("reason." + expired.reason()));
		}
		return RefreshResult.failed("refresh.exchangeFailed", publisher);
	}

	/**
	 * A callback that belongs to no refresh pending in this session: recorded as the signed-in person's,
	 * against the account its state was issued for if it was issued at all.
	 */
	void unattributed(String state, String detail, String ip) {
		AgencyContext context = this.currentAgency.find().orElse(null);
		IssuedStates.IssuedState issued = state == null ? null : this.issuedStates.find(state).orElse(null);
		String why = issued == null ? detail + " (unknown state)"
				: detail + " (state issued to " + issued.actor() + " at " + issued.issuedAt()
						+ ": already used, replaced by a newer refresh, or from another browser session)";
		this.auditLog.recordAlone("refresh_failed", context == null ? null : context.userEmail(),
				context == null ? null : context.agencyId(), issued == null ? null : issued.accountId(), why, ip);
	}

	void fail(PendingRefresh pending, PublisherAccount account, String detail, String ip) {
		this.auditLog.recordAlone(pending != null && pending.connecting() ? "connect_failed"
				: pending != null && pending.byOwner() ? "reconnect_failed" : "refresh_failed", pending == null ? null : pending.actor(),
				pending == null ? null : pending.agencyId(), pending == null ? null : pending.accountId(),
				(account == null ? "" : account.publisher().displayName() + ": ") + detail, ip);
	}

}
