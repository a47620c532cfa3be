package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sandbox control page's actions: break a publisher account the ways the support articles
 * describe (password changed, token expired, invalid funding source, app removed) and put a whole
 * publisher down, slow or rate-limited. Each action answers the user it touched, empty for none.
 */
@Component
@Profile("demo")
class SandboxControl {

	static final int REVOKED_GRANTS_SHOWN = 50;

	private final SandboxDirectory directory;

	private final SandboxAuthority authority;

	SandboxControl(SandboxDirectory directory, SandboxAuthority authority) {
		this.directory = directory;
		this.authority = authority;
	}

	SandboxOverview overview() {
		return new SandboxOverview(Arrays.stream(Publisher.values())
			.map(publisher -> new SandboxOverview.Panel(publisher, this.directory.mode(publisher),
					this.directory.summaries(publisher)))
			.toList(), this.authority.revokedGrants(REVOKED_GRANTS_SHOWN));
	}

	/** Facebook then answers 190/460; X answers 401 code 89. */
	@Transactional
	Optional<SandboxUser> changePassword(long userId) {
		return this.directory.findUser(userId).map(user -> {
			this.directory.changePassword(user.id());
			return user;
		});
	}

	/** Facebook then answers 190/463; X's tokens do not expire, but here they end (401 code 89) all the same. */
	@Transactional
	Optional<SandboxUser> expireTokens(long userId) {
		return this.directory.findUser(userId).map(user -> {
			this.authority.expireTokens(user.id());
			return user;
		});
	}

	/** Facebook ad accounts only: UNSETTLED (3) with no funding source, or ACTIVE again. */
	@Transactional
	Optional<SandboxUser> setFunding(long userId, boolean valid) {
		return this.directory.findUser(userId).filter(user -> user.publisher() == Publisher.FACEBOOK).map(user -> {
			this.directory.setFunding(user.id(), valid);
			return user;
		});
	}

	/** The user removes the app at the publisher: every grant ends (Facebook 190/458, X 401 code 89). */
	@Transactional
	Optional<SandboxUser> removeApp(long userId) {
		return this.directory.findUser(userId).map(user -> {
			this.authority.revokeGrants(user.id(), SandboxAuthority.BY_USER);
			return user;
		});
	}

	void setMode(Publisher publisher, PublisherMode mode) {
		this.directory.setMode(publisher, mode);
	}

}
