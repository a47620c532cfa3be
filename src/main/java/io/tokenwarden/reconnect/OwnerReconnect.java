package io.tokenwarden.reconnect;

import io.tokenwarden.accounts.AccountAccess;
import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.linktokens.LinkPurpose;
import io.tokenwarden.linktokens.LinkTokens;
import io.tokenwarden.notifications.NewNotice;
import io.tokenwarden.notifications.NoticeAccount;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.refresh.RefreshStart;
import io.tokenwarden.refresh.TokenRefresh;
import io.tokenwarden.tokens.AccountToken;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reconnect module's API: an account owner's personal link ({@code /reconnect/{token}}) opens one
 * reconnect of one account, without a console login, and agency admins send such links on demand. The
 * link grants nothing else: no session is signed in, and no console page opens with it.
 */
@Service
public class OwnerReconnect {

	private final LinkTokens links;

	private final AccountDirectory accounts;

	private final AccountTokens tokens;

	private final AccountAccess access;

	private final TokenRefresh refresh;

	private final Notices notices;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final Clock clock;

	OwnerReconnect(LinkTokens links, AccountDirectory accounts, AccountTokens tokens, AccountAccess access,
			TokenRefresh refresh, Notices notices, AuditLog auditLog, JdbcClient jdbc, Clock clock) {
		this.links = links;
		this.accounts = accounts;
		this.tokens = tokens;
		this.access = access;
		this.refresh = refresh;
		this.notices = notices;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What the link's page shows; empty for a spent, expired or unknown link (they all look the same). */
	@Transactional(readOnly = true)
	public Optional<ReconnectView> view(String token) {
		return account(token).map(account -> {
			TokenStatus status = this.tokens.find(account.id()).map(AccountToken::status).orElse(null);
			long automations = this.jdbc.sql("select count(*) from automation where account_id = ?")
				.param(account.id())
				.query(Long.class)
				.single();
			return new ReconnectView(account.publisher().name(), account.publisher().displayName(), account.name(),
					this.accounts.linkedAgencyNames(account.id()), status != TokenStatus.VALID, automations);
		});
	}

	/**
	 * "Reconnect with Facebook/X": the publisher's consent URL, bound to this browser and this link;
	 * empty for a link that opens nothing.
	 */
	public Optional<RefreshStart> start(String token, HttpServletRequest request, HttpServletResponse response) {
		return account(token)
			.map(account -> this.refresh.reconnectByOwner(account.id(), LinkTokens.reference(token), request, response));
	}

	/**
	 * "Send reconnect link": the owner gets a new link now, through the outbox, which spends the older ones
	 * when it goes out. For an ADMIN of the current agency, which must hold the account (else 404, 403).
	 */
	@Transactional
	public String sendLink(long accountId) {
		AccountAccess.Grant grant = this.access.requireAdminHere(accountId);
		PublisherAccount account = this.accounts.find(accountId)
			.filter(a -> !a.archived())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		queue(account, grant.actor(), grant.agencyId(), this.clock.instant());
		return account.ownerEmail();
	}

	/**
	 * "Send reconnect links to every owner of an expired account" of the current agency: one notice per
	 * account, which the sender gathers into one email per owner, each account with its own link.
	 */
	@Transactional
	public LinksQueued sendToEveryOwner() {
		AgencyContext context = this.access.requireAdminOfCurrentAgency();
		List<Long> expired = this.jdbc.sql("""
				select l.account_id from agency_account_link l
				where l.agency_id = ? and l.token_status = 'EXPIRED' order by l.account_id""")
			.param(context.agencyId())
			.query(Long.class)
			.list();
		Instant now = this.clock.instant();
		List<PublisherAccount> accounts = this.accounts.findAll(expired).stream().filter(a -> !a.archived()).toList();
		accounts.forEach(account -> queue(account, context.userEmail(), context.agencyId(), now));
		int owners = (int) accounts.stream().map(a -> a.ownerEmail().toLowerCase(Locale.ROOT)).distinct().count();
		return new LinksQueued(owners, accounts.size());
	}

	private void queue(PublisherAccount account, String actor, long agencyId, Instant now) {
		NoticeAccount about = new NoticeAccount(account.id(), account.publisher(), account.externalId(), account.name(),
				account.ownerEmail());
		if (this.notices.enqueue(NewNotice.reconnectLink(about, actor, now))) {
			this.auditLog.record("reconnect_link_sent", actor, agencyId, account.id(), "to " + account.ownerEmail(),
					null);
		}
	}

	private Optional<PublisherAccount> account(String token) {
		return this.links.find(LinkPurpose.RECONNECT, token, this.clock.instant())
			.flatMap(this.accounts::find)
			.filter(account -> !account.archived() && !this.accounts.linkedAgencyIds(account.id()).isEmpty());
	}

}
