package io.tokenwarden.demo;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.accounts.PublisherAccount;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.NewToken;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Seeds the demo once: the agencies and users of the interface, and about thirty Facebook and X
 * accounts with a mix of valid, expired and invalidated tokens. Exists only in the demo profile.
 */
@Component
@Profile("demo")
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String NORTHWIND = "Northwind Agency";

	static final String CONTOSO = "Contoso Media";

	static final String FABRIKAM = "Fabrikam Partners";

	private static final String[] BRANDS = { "Alpine Outfitters", "Bluebird Coffee", "Cedar & Pine Furniture",
			"Delta Dental Care", "Evergreen Grocers", "Falcon Fitness", "Golden Gate Bakery", "Harbor Lights Hotel",
			"Ironwood Tools", "Juniper Skincare", "Keystone Realty", "Lakeside Pets", "Maple Street Books",
			"Northstar Travel", "Orchard Cider Co", "Pioneer Bikes", "Quartz Jewelry", "Redwood Wines",
			"Summit Ski School", "Tidewater Seafood", "Union Square Florist", "Valley Auto Repair", "Willow Yoga",
			"Xenon Lighting", "Yellowtail Sushi", "Zephyr Kites", "Aurora Dance Studio", "Beacon Insurance",
			"Copperline Brewing", "Driftwood Surf Shop" };

	/** Expired demo accounts and why; everything else is valid unless invalidated below. */
	private static final Map<Integer, String> EXPIRED = Map.of(2, "PASSWORD_CHANGED", 3, "EXPIRED", 5, "CHECKPOINT",
			12, "APP_REMOVED", 21, "EXPIRED", 25, "PASSWORD_CHANGED", 14, "DATA_ACCESS_EXPIRED");

	private static final Map<Integer, String> INVALIDATED = Map.of(7, "USER_LEFT", 18, "STOP_ACTIVITY", 27, "USER_LEFT");

	private final AgencyDirectory agencies;

	private final AccountDirectory accounts;

	private final AccountTokens tokens;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final SecureRandom random = new SecureRandom();

	DemoData(AgencyDirectory agencies, AccountDirectory accounts, AccountTokens tokens, JdbcClient jdbc, Clock clock,
			ApplicationEventPublisher events) {
		this.agencies = agencies;
		this.accounts = accounts;
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Seeds once (any number of instances may call it at once: the advisory lock lets one seed). */
	@Transactional
	public void seed() {
		this.jdbc.sql("select pg_advisory_xact_lock(7302)").query().singleValue();
		if (this.agencies.findAgency(NORTHWIND).isPresent()) {
			return;
		}
		long northwind = this.agencies.createAgency(NORTHWIND);
		long contoso = this.agencies.createAgency(CONTOSO);
		long fabrikam = this.agencies.createAgency(FABRIKAM);
		long admin = this.agencies.createUser("admin@demo.test", "Avery Admin", "demo");
		this.agencies.addMember(northwind, admin, Role.ADMIN);
		this.agencies.addMember(contoso, admin, Role.ADMIN);
		// the demo's admin also runs the installation: Admin > Agencies
		this.agencies.setInstallationAdmin(admin, true);
		this.agencies.addMember(northwind, this.agencies.createUser("manager@demo.test", "Morgan Manager", "demo"), Role.MANAGER);
		this.agencies.addMember(northwind, this.agencies.createUser("viewer@demo.test", "Vic Viewer", "demo"), Role.VIEWER);
		this.agencies.addMember(fabrikam, this.agencies.createUser("other-admin@demo.test", "Olive Other", "demo"), Role.ADMIN);

		List<DemoAccount> seeded = new ArrayList<>();
		for (int i = 1; i <= BRANDS.length; i++) {
			seeded.add(seedAccount(i, linksOf(i, northwind, contoso, fabrikam)));
		}
		this.events.publishEvent(new DemoAccountsSeeded(seeded));
		log.info("Seeded the demo: 3 agencies, 4 users, {} publisher accounts", seeded.size());
	}

	private DemoAccount seedAccount(int i, long... agencyIds) {
		Publisher publisher = i % 3 == 0 ? Publisher.X : Publisher.FACEBOOK;
		String brand = BRANDS[i - 1];
		String externalId = publisher == Publisher.FACEBOOK ? String.valueOf(100_000_000_000_000L + i * 7_919L)
				: String.valueOf(1_440_000_000L + i * 104_729L);
		String owner = brand.toLowerCase().replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "") + "@"
				+ (i % 2 == 0 ? "mail.test" : "brands.test");
		PublisherAccount account = this.accounts.create(publisher, externalId, brand, "marketing." + owner);
		for (long agencyId : agencyIds) {
			this.accounts.link(agencyId, account.id());
		}
		Instant now = this.clock.instant();
		boolean x = publisher == Publisher.X;
		// X: an OAuth 1.0a token and its secret, which do not expire and carry no scopes
		TokenSecret access = secret(publisher, "access");
		TokenSecret tokenSecret = x ? secret(publisher, "secret") : null;
		Instant expiresAt = x ? null : now.plus(Duration.ofDays(5 + (i * 11L) % 55));
		Instant dataAccessExpiresAt = x ? null : now.plus(Duration.ofDays(90));
		String scopes = x ? null : "ads_read,ads_management,pages_show_list";
		this.tokens.store(account.id(), new NewToken(access, tokenSecret, expiresAt, dataAccessExpiresAt, scopes), "demo");
		TokenStatus status = TokenStatus.VALID;
		String reason = null;
		if (EXPIRED.containsKey(i)) {
			status = TokenStatus.EXPIRED;
			// X's tokens have no expiry date: one X no longer accepts was revoked
			reason = x && "EXPIRED".equals(EXPIRED.get(i)) ? "INVALID" : EXPIRED.get(i);
			this.tokens.changeStatus(account.id(), status, reason, null, "health check");
		}
		if (INVALIDATED.containsKey(i)) {
			status = TokenStatus.INVALIDATED;
			reason = INVALIDATED.get(i);
			this.tokens.changeStatus(account.id(), status, reason,
					"USER_LEFT".equals(reason) ? "The account's user left the company" : "Stop all activity",
					"admin@demo.test");
		}
		return new DemoAccount(account.id(), publisher, externalId, brand, access, tokenSecret, expiresAt,
				dataAccessExpiresAt, scopes, status, reason);
	}

	private TokenSecret secret(Publisher publisher, String kind) {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return TokenSecret.of((publisher == Publisher.FACEBOOK ? "EAAD" : "x" + kind.charAt(0) + "-") + HexFormat.of().formatHex(bytes));
	}

	private static long[] linksOf(int i, long northwind, long contoso, long fabrikam) {
		if (i <= 10) {
			return new long[] { northwind };
		}
		if (i <= 16) {
			return new long[] { northwind, contoso };
		}
		if (i <= 19) {
			return new long[] { northwind, contoso, fabrikam };
		}
		if (i <= 23) {
			return new long[] { contoso };
		}
		return new long[] { fabrikam };
	}

}
