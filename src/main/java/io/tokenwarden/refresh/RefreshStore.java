package io.tokenwarden.refresh;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.accounts.SeenAsset;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.linktokens.LinkPurpose;
import io.tokenwarden.linktokens.LinkTokens;
import io.tokenwarden.publishers.GrantedTokens;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.PublisherClient;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherIdentity;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.AccountToken;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores a verified new token: the publisher calls that describe it come first, then one short
 * transaction writes the token (under the row lock an invalidation also takes, so the two serialise),
 * the pages and ad accounts it sees, the audit event and the {@link TokenRefreshed} event.
 */
@Component
class RefreshStore {

	private static final Logger log = LoggerFactory.getLogger(RefreshStore.class);

	private final AccountTokens tokens;

	private final AccountDirectory accounts;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final LinkTokens linkTokens;

	RefreshStore(AccountTokens tokens, AccountDirectory accounts, AuditLog auditLog, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, LinkTokens linkTokens) {
		this.linkTokens = linkTokens;
		this.tokens = tokens;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	RefreshResult save(PublisherAccount account, PendingRefresh pending, PublisherClient client, GrantedTokens granted,
			String ip) {
		Described described = describe(account.publisher(), client, granted);
		return this.transactions.execute(status -> {
			List<SeenAsset> before = this.accounts.assets(account.id());
			TokenStatus previous = this.tokens.find(account.id()).map(AccountToken::status).orElse(null);
			this.tokens.store(account.id(), described.token(), pending.actor());
			if (described.seen() != null) {
				this.accounts.replaceAssets(account.id(), described.seen());
			}
			this.auditLog.record("token_refreshed", pending.actor(), pending.agencyId(), account.id(),
					(previous == null ? "none" : previous.name()) + " → VALID", ip);
			this.events.publishEvent(new TokenRefreshed(account.id(), account.publisher(), previous, pending.actor(),
					pending.agencyId(), this.clock.instant()));
			return result("refresh.done", account, before, described.seen());
		});
	}

	/**
	 * Stores what a Connect's consent brought: the identity's account, found (taken out of the archive if
	 * need be) or made, linked to the agency the Connect was started in, with the fresh token that then
	 * serves every agency it is linked to. The owner's email is the connecting admin's until someone changes
	 * it. Every agency that holds the account records the connect in its audit.
	 */
	RefreshResult connect(Publisher publisher, PendingRefresh pending, PublisherClient client, GrantedTokens granted,
			PublisherIdentity identity, String ip) {
		Described described = describe(publisher, client, granted);
		String name = identity.username() != null && publisher == Publisher.X ? "@" + identity.username()
				: identity.name();
		return this.transactions.execute(status -> {
			AccountDirectory.Connection connection = this.accounts.connect(pending.agencyId(), publisher, identity.id(),
					name, pending.actor());
			PublisherAccount account = connection.account();
			List<SeenAsset> before = this.accounts.assets(account.id());
			TokenStatus previous = this.tokens.find(account.id()).map(AccountToken::status).orElse(null);
			this.tokens.store(account.id(), described.token(), pending.actor());
			if (described.seen() != null) {
				this.accounts.replaceAssets(account.id(), described.seen());
			}
			String how = connection.created() ? "new account"
					: connection.wasLinkedHere() ? "already linked here: token refreshed"
							: connection.agenciesBefore().isEmpty() ? "connected again after its last unlink"
									: "known to other agencies, now linked here too";
			String detail = publisher.displayName() + " " + identity.id() + ": " + how + "; "
					+ (previous == null ? "none" : previous.name()) + " → VALID";
			this.auditLog.record("connected", pending.actor(), pending.agencyId(), account.id(), detail, ip);
			for (long other : connection.agenciesBefore()) {
				if (other != pending.agencyId()) {
					this.auditLog.record("connected", pending.actor(), other, account.id(), detail, ip);
				}
			}
			Instant now = this.clock.instant();
			if (previous != null) {
				this.events.publishEvent(new TokenRefreshed(account.id(), publisher, previous, pending.actor(),
						pending.agencyId(), now));
			}
			this.events.publishEvent(new AccountConnected(account.id(), publisher, pending.agencyId(), pending.actor(),
					connection.created(), now));
			String message = connection.wasLinkedHere() ? "connect.alreadyLinked"
					: connection.created() || connection.agenciesBefore().isEmpty() ? "connect.done" : "connect.known";
			return result(message, account, before, described.seen()).onAccountPage(account.id());
		});
	}

	/**
	 * Stores the token an account's owner brought through an email link, and spends the link, in one
	 * transaction: a link spent or expired since the owner set out changes nothing. Every agency the
	 * account is linked to records "reconnected by the owner through an email link", with the pages and
	 * ad accounts the token gained and lost.
	 */
	RefreshResult reconnectByOwner(PublisherAccount account, PendingRefresh pending, PublisherClient client,
			GrantedTokens granted, String ip) {
		Described described = describe(account.publisher(), client, granted);
		return this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			if (this.linkTokens.consumeReferenced(LinkPurpose.RECONNECT, pending.ownerLink(), now)
				.filter(subject -> subject.equals(account.id()))
				.isEmpty()) {
				status.setRollbackOnly();
				return RefreshResult.ownerFailed("reconnect.linkInvalid");
			}
			List<SeenAsset> before = this.accounts.assets(account.id());
			TokenStatus previous = this.tokens.find(account.id()).map(AccountToken::status).orElse(null);
			this.tokens.store(account.id(), described.token(), pending.actor());
			if (described.seen() != null) {
				this.accounts.replaceAssets(account.id(), described.seen());
			}
			List<String> gained = described.seen() == null ? null : difference(described.seen(), before);
			List<String> lost = described.seen() == null ? null : difference(before, described.seen());
			String detail = "reconnected by the owner through an email link; "
					+ (previous == null ? "none" : previous.name()) + " → VALID"
					+ (gained == null ? "; pages and ad accounts unknown"
							: "; gained: " + (gained.isEmpty() ? "none" : String.join(", ", gained)) + "; lost: "
									+ (lost.isEmpty() ? "none" : String.join(", ", lost)));
			for (long agency : this.accounts.linkedAgencyIds(account.id())) {
				this.auditLog.record("reconnected", pending.actor(), agency, account.id(), detail, ip);
			}
			this.events.publishEvent(new TokenRefreshed(account.id(), account.publisher(), previous, pending.actor(),
					pending.agencyId(), now));
			this.events.publishEvent(new OwnerReconnected(account.id(), account.publisher(), account.ownerEmail(), now));
			return RefreshResult.ownerDone(List.of(account.publisher().displayName(), account.name()), gained, lost);
		});
	}

	/** The names of the assets in {@code these} that {@code those} lacks. */
	private static List<String> difference(List<SeenAsset> these, List<SeenAsset> those) {
		Set<String> keys = those.stream().map(a -> a.kind() + ":" + a.assetId()).collect(Collectors.toSet());
		return these.stream().filter(a -> !keys.contains(a.kind() + ":" + a.assetId())).map(SeenAsset::name).toList();
	}

	/** The token as it will be stored (Facebook's expiry dates from debug_token) and what it sees. */
	private Described describe(Publisher publisher, PublisherClient client, GrantedTokens granted) {
		Instant expiresAt = granted.expiresAt();
		Instant dataAccessExpiresAt = null;
		Set<String> scopes = granted.scopes();
		if (publisher == Publisher.FACEBOOK
				&& client.inspect(HeldToken.of(granted.accessToken())) instanceof PublisherOutcome.Valid valid) {
			expiresAt = valid.expiresAt() != null ? valid.expiresAt() : expiresAt;
			dataAccessExpiresAt = valid.dataAccessExpiresAt();
			scopes = valid.scopes().isEmpty() ? scopes : valid.scopes();
		}
		return new Described(new NewToken(granted.accessToken(), granted.tokenSecret(), expiresAt, dataAccessExpiresAt,
				String.join(" ", scopes.stream().sorted().toList())), seenAssets(client, granted));
	}

	/** A new token ready to store, and what it sees (null when the publisher would not say). */
	private record Described(NewToken token, List<SeenAsset> seen) {
	}

	private static List<SeenAsset> seenAssets(PublisherClient client, GrantedTokens granted) {
		try {
			return client.assets(granted.held())
				.stream()
				.map(a -> new SeenAsset(a.kind().name(), a.id(), a.name(), a.tasks()))
				.toList();
		}
		catch (PublisherException ex) {
			// the token is fine; what it sees is only listed again at the next refresh
			log.warn("Could not list what the refreshed token sees: {}", ex.getMessage());
			return null;
		}
	}

	private static RefreshResult result(String message, PublisherAccount account, List<SeenAsset> before,
			List<SeenAsset> after) {
		List<Object> arguments = List.of(account.name());
		if (after == null) {
			return RefreshResult.done(message, arguments, "refresh.assetsUnknown", List.of());
		}
		Set<String> visible = after.stream().map(a -> a.kind() + ":" + a.assetId()).collect(Collectors.toSet());
		List<String> lost = before.stream()
			.filter(a -> !visible.contains(a.kind() + ":" + a.assetId()))
			.map(SeenAsset::name)
			.toList();
		// no tasks listed means unknown, not below Admin (Meta omits user_tasks where it shows no role)
		boolean belowAdmin = after.stream().anyMatch(a -> !a.tasks().isEmpty() && !a.fullAccess());
		if (!lost.isEmpty()) {
			return RefreshResult.done(message, arguments, "refresh.lostAssets", List.of(String.join(", ", lost)));
		}
		if (belowAdmin) {
			return RefreshResult.done(message, arguments, "refresh.belowAdmin", List.of());
		}
		return RefreshResult.done(message, arguments, null, List.of());
	}

}
