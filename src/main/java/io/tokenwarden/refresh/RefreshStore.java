package io.tokenwarden.refresh;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.accounts.SeenAsset;
import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.publishers.GrantedTokens;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.PublisherClient;
import io.tokenwarden.publishers.PublisherException;
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

	RefreshStore(AccountTokens tokens, AccountDirectory accounts, AuditLog auditLog, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	RefreshResult save(PublisherAccount account, PendingRefresh pending, PublisherClient client, GrantedTokens granted,
			String ip) {
		Instant expiresAt = granted.expiresAt();
		Instant dataAccessExpiresAt = null;
		Set<String> scopes = granted.scopes();
		if (account.publisher() == Publisher.FACEBOOK
				&& client.inspect(HeldToken.of(granted.accessToken())) instanceof PublisherOutcome.Valid valid) {
			expiresAt = valid.expiresAt() != null ? valid.expiresAt() : expiresAt;
			dataAccessExpiresAt = valid.dataAccessExpiresAt();
			scopes = valid.scopes().isEmpty() ? scopes : valid.scopes();
		}
		List<SeenAsset> seen = seenAssets(client, granted);
		NewToken token = new NewToken(granted.accessToken(), granted.tokenSecret(), expiresAt, dataAccessExpiresAt,
				String.join(" ", scopes.stream().sorted().toList()));
		return this.transactions.execute(status -> {
			List<SeenAsset> before = this.accounts.assets(account.id());
			TokenStatus previous = this.tokens.find(account.id()).map(AccountToken::status).orElse(null);
			this.tokens.store(account.id(), token, pending.actor());
			if (seen != null) {
				this.accounts.replaceAssets(account.id(), seen);
			}
			this.auditLog.record("token_refreshed", pending.actor(), pending.agencyId(), account.id(),
					(previous == null ? "none" : previous.name()) + " → VALID", ip);
			this.events.publishEvent(new TokenRefreshed(account.id(), account.publisher(), previous, pending.actor(),
					pending.agencyId(), this.clock.instant()));
			return result(account, before, seen);
		});
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

	private static RefreshResult result(PublisherAccount account, List<SeenAsset> before, List<SeenAsset> after) {
		List<Object> arguments = List.of(account.name());
		if (after == null) {
			return RefreshResult.done("refresh.done", arguments, "refresh.assetsUnknown", List.of());
		}
		Set<String> visible = after.stream().map(a -> a.kind() + ":" + a.assetId()).collect(Collectors.toSet());
		List<String> lost = before.stream()
			.filter(a -> !visible.contains(a.kind() + ":" + a.assetId()))
			.map(SeenAsset::name)
			.toList();
		// no tasks listed means unknown, not below Admin (Meta omits user_tasks where it shows no role)
		boolean belowAdmin = after.stream().anyMatch(a -> !a.tasks().isEmpty() && !a.fullAccess());
		if (!lost.isEmpty()) {
			return RefreshResult.done("refresh.done", arguments, "refresh.lostAssets", List.of(String.join(", ", lost)));
		}
		if (belowAdmin) {
			return RefreshResult.done("refresh.done", arguments, "refresh.belowAdmin", List.of());
		}
		return RefreshResult.done("refresh.done", arguments, null, List.of());
	}

}
