package io.tokenwarden.refresh;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.publishers.AuthorizationGrant;
import io.tokenwarden.publishers.AuthorizedUser;
import io.tokenwarden.publishers.GrantedTokens;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.PublisherClient;
import io.tokenwarden.publishers.PublisherException;
import io.tokenwarden.publishers.PublisherIdentity;
import io.tokenwarden.publishers.Publishers;
import io.tokenwarden.publishers.RequestToken;
import io.tokenwarden.tokens.TokenSecret;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Set;

/**
 * The callback half of an owner's reconnect through an email link, for both publishers: nobody is signed
 * in, so the pending consent and its link are all the authority there is. Whoever consented must be the
 * account's own identity; anyone else changes nothing and the link stays usable. Every outcome is told on
 * the owner's page ({@link RefreshResult#owner()}), never in the console.
 */
@Component
class OwnerConsent {

	private final AccountDirectory accounts;

	private final Publishers publishers;

	private final RefreshStore store;

	private final RefreshFailures failures;

	OwnerConsent(AccountDirectory accounts, Publishers publishers, RefreshStore store, RefreshFailures failures) {
		this.accounts = accounts;
		this.publishers = publishers;
		this.store = store;
		this.failures = failures;
	}

	RefreshResult facebook(PendingRefresh pending, OAuth2AuthorizationRequest authorization, String[] codes,
			String error, String ip) {
		PublisherAccount account = this.accounts.find(pending.accountId()).orElse(null);
		if (account == null) {
			return RefreshResult.ownerFailed("reconnect.linkInvalid");
		}
		if (error != null || codes == null) {
			this.failures.fail(pending, account,
					"owner's email link: consent not given: " + (error == null ? "no code" : error.replaceAll("[^a-z_]", "")), ip);
			return RefreshResult.ownerFailed("reconnect.cancelled", account.publisher().displayName());
		}
		PublisherClient client = this.publishers.client(Publisher.FACEBOOK);
		try {
			GrantedTokens tokens = client.exchangeCode(new AuthorizationGrant(TokenSecret.of(codes[0]),
					URI.create(authorization.getRedirectUri()),
					pending.codeVerifier() == null ? null : TokenSecret.of(pending.codeVerifier())));
			PublisherIdentity identity = client.identity(tokens.held());
			return finish(pending, account, identity.id(), identity.name(), client, tokens, ip);
		}
		catch (PublisherException ex) {
			this.failures.fail(pending, account, "owner's email link: " + ex.getMessage(), ip);
			return RefreshFailures.of(ex.outcome(), account.publisher().displayName()).forOwnerIf(true);
		}
	}

	RefreshResult x(PendingRefresh pending, RequestToken requestToken, boolean denied, String verifier, String ip) {
		PublisherAccount account = this.accounts.find(pending.accountId()).orElse(null);
		if (account == null) {
			return RefreshResult.ownerFailed("reconnect.linkInvalid");
		}
		if (denied) {
			this.failures.fail(pending, account, "owner's email link: consent not given: denied at X", ip);
			return RefreshResult.ownerFailed("reconnect.cancelled", Publisher.X.displayName());
		}
		try {
			AuthorizedUser user = this.publishers.oauth1Consent().accessToken(requestToken, verifier);
			String name = user.screenName() == null ? user.userId() : "@" + user.screenName();
			GrantedTokens granted = new GrantedTokens(user.token().accessToken(), user.token().tokenSecret(), null,
					Set.of());
			return finish(pending, account, user.userId(), name, this.publishers.client(Publisher.X), granted, ip);
		}
		catch (PublisherException ex) {
			this.failures.fail(pending, account, "owner's email link: " + ex.getMessage(), ip);
			return RefreshFailures.of(ex.outcome(), Publisher.X.displayName()).forOwnerIf(true);
		}
	}

	private RefreshResult finish(PendingRefresh pending, PublisherAccount account, String identityId,
			String identityName, PublisherClient client, GrantedTokens tokens, String ip) {
		if (!account.externalId().equals(identityId)) {
			this.failures.fail(pending, account, "owner's email link: account mismatch: signed in as " + identityId, ip);
			return RefreshResult.ownerFailed("reconnect.wrongIdentity", account.publisher().displayName(),
					identityName == null ? identityId : identityName, identityId, account.name(), account.externalId());
		}
		return this.store.reconnectByOwner(account, pending, client, tokens, ip);
	}

}
