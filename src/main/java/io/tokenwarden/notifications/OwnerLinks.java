package io.tokenwarden.notifications;

import io.tokenwarden.linktokens.LinkPurpose;
import io.tokenwarden.linktokens.LinkTokens;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The personal reconnect links of an owner's email, one per account it asks to fix. Each token is
 * issued (its hash committed, every older link of the account spent) just before the email goes out,
 * so the outbox never holds one and a resend carries a fresh link; admin copies carry none.
 */
@Component
class OwnerLinks {

	private final LinkTokens tokens;

	private final ReconnectLinkSettings settings;

	private final LinkSettings links;

	private final TransactionTemplate transactions;

	OwnerLinks(LinkTokens tokens, ReconnectLinkSettings settings, LinkSettings links, TransactionTemplate transactions) {
		this.tokens = tokens;
		this.settings = settings;
		this.links = links;
		this.transactions = transactions;
	}

	/** The reconnect link of each account in the digest that gets one, by account id. */
	Map<Long, String> issueFor(Digest digest, Instant now) {
		Set<Long> accounts = digest.notices()
			.stream()
			.filter(n -> !n.adminCopy() && n.kind().carriesReconnectLink())
			.map(Notice::accountId)
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		if (accounts.isEmpty()) {
			return Map.of();
		}
		Instant expiresAt = now.plus(this.settings.linkTtl());
		Map<Long, String> issued = this.transactions.execute(status -> {
			Map<Long, String> byAccount = new LinkedHashMap<>();
			for (long account : accounts) {
				String token = this.tokens.reissue(LinkPurpose.RECONNECT, account, expiresAt, now);
				byAccount.put(account, this.links.base() + LinkPurpose.RECONNECT.pathWith(token));
			}
			return byAccount;
		});
		return issued == null ? Map.of() : issued;
	}

}
