package io.tokenwarden.refresh;

import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.publishers.GrantedTokens;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherOutcome;
import io.tokenwarden.publishers.Publishers;
import io.tokenwarden.tokens.AccountToken;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenKind;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Renews X access tokens (they last two hours) with the stored rotating refresh token shortly before
 * they expire. Not a user-facing refresh. The token row lock is the lease: one renewal per account at a
 * time across every instance, and whoever waited re-reads the row and finds the token already renewed.
 * The new pair is written in the same short transaction, before anything else can use the token.
 */
@Service
public class XTokenRenewal {

	private static final Logger log = LoggerFactory.getLogger(XTokenRenewal.class);

	/** What one renewal attempt did. */
	public enum Result {

		RENEWED, NOT_DUE, EXPIRED, RETRY_LATER

	}

	private final AccountTokens tokens;

	private final Publishers publishers;

	private final AuditLog auditLog;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration window;

	XTokenRenewal(AccountTokens tokens, Publishers publishers, AuditLog auditLog, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock, RefreshSettings settings) {
		this.window = settings.renewalWindow();
		this.tokens = tokens;
		this.publishers = publishers;
		this.auditLog = auditLog;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Renews every X token that expires within the window; returns how many were renewed. */
	public int renewDue() {
		int renewed = 0;
		for (long accountId : dueAccounts()) {
			try {
				if (renew(accountId) == Result.RENEWED) {
					renewed++;
				}
			}
			catch (RuntimeException ex) {
				// one unreadable token (a corrupt ciphertext, say) must not hold up the others' renewal
				log.warn("X token renewal for account {} failed: {}", accountId, ex.getClass().getSimpleName());
			}
		}
		return renewed;
	}

	/**
	 * Renews one account's X token if it is still due once its row is locked; whoever waited for the
	 * lock finds it renewed already ({@link Result#NOT_DUE}) and reads the new token.
	 */
	public Result renew(long accountId) {
		return this.transactions.execute(status -> {
			Optional<AccountToken> locked = this.tokens.lock(accountId);
			Instant now = this.clock.instant();
			if (locked.isEmpty() || !isDue(locked.get(), now.plus(this.window))) {
				return Result.NOT_DUE;
			}
			AccountToken token = locked.get();
			TokenSecret access = this.tokens.reveal(token, TokenKind.ACCESS).orElseThrow();
			TokenSecret refresh = this.tokens.reveal(token, TokenKind.REFRESH).orElseThrow();
			try {
				GrantedTokens granted = this.publishers.client(Publisher.X).renew(new HeldToken(access, refresh));
				this.tokens.store(accountId, new NewToken(granted.accessToken(), granted.newRefreshToken().orElse(refresh),
						granted.expiresAt(), token.dataAccessExpiresAt(),
						granted.scopes().isEmpty() ? token.scopes() : String.join(" ", granted.scopes())), "renewal");
				return Result.RENEWED;
			}
			catch (PublisherException ex) {
				if (ex.outcome() instanceof PublisherOutcome.Expired expired) {
					this.tokens.changeStatus(accountId, TokenStatus.EXPIRED, expired.reason().name(), null, "renewal");
					this.auditLog.record("token_expired", "renewal", null, accountId, ex.getMessage(), null);
					return Result.EXPIRED;
				}
				log.info("X token renewal for account {} postponed: {}", accountId, ex.getMessage());
				return Result.RETRY_LATER;
			}
		});
	}

	private static boolean isDue(AccountToken token, Instant renewBefore) {
		return token.status() == TokenStatus.VALID && token.hasRefreshToken() && token.expiresAt() != null
				&& token.expiresAt().isBefore(renewBefore);
	}

	private List<Long> dueAccounts() {
		return this.jdbc.sql("""
				select t.account_id from account_token t join publisher_account a on a.id = t.account_id
				where a.publisher = 'X' and t.status = 'VALID' and t.refresh_token_ciphertext is not null
				  and t.expires_at < ? order by t.expires_at limit 500""")
			.param(OffsetDateTime.ofInstant(this.clock.instant().plus(this.window), ZoneOffset.UTC))
			.query(Long.class)
			.list();
	}

}
