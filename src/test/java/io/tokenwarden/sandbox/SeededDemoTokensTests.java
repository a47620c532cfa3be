package io.tokenwarden.sandbox;

import io.tokenwarden.demo.DemoAccount;
import io.tokenwarden.demo.DemoAccountsSeeded;
import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenSecret;
import io.tokenwarden.tokens.TokenStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokens the demo seeds are the sandbox's tokens: valid ones work, and the ones the demo shows
 * as expired or invalidated fail at the publisher for the reason it shows. The accounts here are
 * seeded by the test itself, through the same event, so no other test's use of the demo disturbs it.
 */
class SeededDemoTokensTests extends SandboxTestSupport {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyDemoAccountHasASandboxUserWithItsIdAndName() {
		List<String[]> accounts = this.jdbc.sql("select publisher, external_id, name from publisher_account")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		assertThat(accounts).hasSizeGreaterThanOrEqualTo(30);
		for (String[] account : accounts) {
			assertThat(this.directory.findUser(Publisher.valueOf(account[0]), account[1]))
				.hasValueSatisfying(user -> assertThat(user.name()).isEqualTo(account[2]));
		}
	}

	@Test
	void seededFacebookTokenWhenValidThenRecognisedByDebugTokenAndMe() {
		DemoAccount account = seed(Publisher.FACEBOOK, TokenStatus.VALID, null);
		String token = account.accessToken().reveal();
		JsonNode data = json(debugToken(token)).path("data");
		assertThat(data.path("is_valid").asBoolean()).isTrue();
		assertThat(data.path("user_id").asString()).isEqualTo(account.externalId());
		assertThat(data.path("expires_at").asLong()).isEqualTo(account.expiresAt().getEpochSecond());
		assertThat(data.path("scopes").toString()).contains("ads_management");
		assertThat(json(graph("me", token)).path("name").asString()).isEqualTo(account.name());
		assertThat(json(graph("me/accounts", token)).path("data").size()).isBetween(1, 2);
		assertThat(json(graph("me/adaccounts", token)).path("data").size()).isBetween(1, 2);
	}

	@Test
	void seededFacebookTokensWhenExpiredInTheDemoThenBrokenForTheSameReason() {
		assertThat(subcodeOf(seed(Publisher.FACEBOOK, TokenStatus.EXPIRED, "PASSWORD_CHANGED"))).isEqualTo(460);
		assertThat(subcodeOf(seed(Publisher.FACEBOOK, TokenStatus.EXPIRED, "EXPIRED"))).isEqualTo(463);
		assertThat(subcodeOf(seed(Publisher.FACEBOOK, TokenStatus.EXPIRED, "CHECKPOINT"))).isEqualTo(459);
		assertThat(subcodeOf(seed(Publisher.FACEBOOK, TokenStatus.EXPIRED, "APP_REMOVED"))).isEqualTo(458);
		assertThat(subcodeOf(seed(Publisher.FACEBOOK, TokenStatus.INVALIDATED, "USER_LEFT"))).isEqualTo(458);
		DemoAccount dataAccess = seed(Publisher.FACEBOOK, TokenStatus.EXPIRED, "DATA_ACCESS_EXPIRED");
		JsonNode data = json(debugToken(dataAccess.accessToken().reveal())).path("data");
		assertThat(data.path("is_valid").asBoolean()).isFalse();
		assertThat(data.path("data_access_expires_at").asLong()).isLessThan(data.path("issued_at").asLong());
	}

	@Test
	void seededXTokensWhenValidThenTheySignUsersMeAndWhenBrokenOrInvalidatedThenCode89() {
		DemoAccount valid = seed(Publisher.X, TokenStatus.VALID, null);
		ResponseEntity<String> me = xGet("/sandbox/x/2/users/me", held(valid));
		assertThat(me.getStatusCode().value()).isEqualTo(200);
		assertThat(json(me).path("data").path("id").asString()).isEqualTo(valid.externalId());

		for (DemoAccount broken : new DemoAccount[] { seed(Publisher.X, TokenStatus.EXPIRED, "INVALID"),
				seed(Publisher.X, TokenStatus.EXPIRED, "PASSWORD_CHANGED"), seed(Publisher.X, TokenStatus.INVALIDATED, "USER_LEFT") }) {
			ResponseEntity<String> refused = xGet("/sandbox/x/2/users/me", held(broken));
			assertThat(refused.getStatusCode().value()).as(broken.statusReason()).isEqualTo(401);
			assertThat(json(refused).path("errors").get(0).path("code").asInt()).isEqualTo(89);
		}
	}

	private static HeldToken held(DemoAccount account) {
		return new HeldToken(account.accessToken(), account.tokenSecret());
	}

	private DemoAccount seed(Publisher publisher, TokenStatus status, String reason) {
		boolean x = publisher == Publisher.X;
		String externalId = String.valueOf(ThreadLocalRandom.current().nextLong(8_000_000_000L, 8_999_999_999L));
		Instant now = Instant.now();
		DemoAccount account = new DemoAccount(-1, publisher, externalId, "Seeded " + externalId,
				TokenSecret.of("seeded-access-" + UUID.randomUUID()), x ? TokenSecret.of("seeded-secret-" + UUID.randomUUID()) : null,
				x ? null : now.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS),
				x ? null : now.plus(Duration.ofDays(90)), x ? null : "ads_read,ads_management,pages_show_list", status, reason);
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(new DemoAccountsSeeded(List.of(account))));
		return account;
	}

	private int subcodeOf(DemoAccount account) {
		return json(graph("me", account.accessToken().reveal())).path("error").path("error_subcode").asInt();
	}

}
