package io.tokenwarden.sandbox;

import io.tokenwarden.demo.DemoAccount;
import io.tokenwarden.demo.DemoAccountsSeeded;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenKind;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every demo account a sandbox user with the same id and name, and campaigns in each of their ad
 * accounts; makes the demo's token values known to the imitation publisher, and breaks the accounts the
 * demo seeded as expired or invalidated the way their reason says, so a health check finds what the
 * console shows. Runs inside the demo's seeding transaction: both commit or neither does.
 */
@Component
@Profile("demo")
class SandboxSeeder {

	private final SandboxDirectory directory;

	private final SandboxAuthority authority;

	private final SandboxCampaigns campaigns;

	SandboxSeeder(SandboxDirectory directory, SandboxAuthority authority, SandboxCampaigns campaigns) {
		this.directory = directory;
		this.authority = authority;
		this.campaigns = campaigns;
	}

	@EventListener
	void on(DemoAccountsSeeded event) {
		for (DemoAccount account : event.accounts()) {
			seed(account);
		}
	}

	private void seed(DemoAccount account) {
		boolean facebook = account.publisher() == Publisher.FACEBOOK;
		// a stable 2-5 Pages and 1-2 ad accounts per person; X has neither
		int spread = Math.floorMod(account.externalId().hashCode(), 8);
		SandboxUser user = this.directory.createUser(account.publisher(), account.externalId(), account.name(),
				facebook ? 2 + spread % 4 : 0, facebook ? 1 + spread / 4 : 0);
		this.campaigns.seed(user, this.directory.adAccounts(user.id(), AccessLevel.ADMIN)
			.stream()
			.map(adAccount -> "act_" + adAccount.accountId())
			.toList());
		long grant = this.authority.createGrant(user.id(), AccessLevel.ADMIN, account.scopes());
		// an X token comes with the secret its calls are signed with
		this.authority.registerToken(grant, TokenKind.ACCESS, account.accessToken().reveal(),
				account.tokenSecret() == null ? null : account.tokenSecret().reveal(), account.expiresAt(),
				account.dataAccessExpiresAt());
		breakAsSeeded(account, user);
	}

	private void breakAsSeeded(DemoAccount account, SandboxUser user) {
		if (account.status() == TokenStatus.INVALIDATED) {
			// Token Warden invalidated it, which revokes the grant at the publisher
			this.authority.revokeGrants(user.id(), SandboxAuthority.BY_APP);
			return;
		}
		if (account.status() != TokenStatus.EXPIRED) {
			return;
		}
		String reason = account.statusReason() == null ? "" : account.statusReason();
		if (account.publisher() == Publisher.X && !"PASSWORD_CHANGED".equals(reason)) {
			// X's tokens do not expire: one X no longer accepts was revoked by its user
			this.authority.revokeGrants(user.id(), SandboxAuthority.BY_USER);
			return;
		}
		switch (reason) {
			case "PASSWORD_CHANGED" -> this.directory.changePassword(user.id());
			case "CHECKPOINT" -> this.directory.setCheckpointed(user.id(), true);
			case "APP_REMOVED" -> this.authority.revokeGrants(user.id(), SandboxAuthority.BY_USER);
			case "DATA_ACCESS_EXPIRED" -> this.authority.expireDataAccess(user.id());
			default -> this.authority.expireTokens(user.id());
		}
	}

}
