package io.tokenwarden.tokens;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokens module started alone (Spring Modulith's module slice: no other module's beans), on a database
 * of its own with the demo off: a token is stored sealed, and a check that changes its status keeps the
 * dates that same check learned.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "tokenwarden.demo.enabled=false", "tokenwarden.data-dir=target/test-data-tokens" })
class TokensModuleTests {

	private static final String KEYSET = TokenCipher.generateKeyset();

	@DynamicPropertySource
	static void keyset(DynamicPropertyRegistry registry) {
		registry.add("tokenwarden.encryption.keyset", () -> KEYSET);
	}

	@Autowired
	AccountTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void storeThenTheTokenReadsBackAndItsRowHoldsOnlyCiphertext() {
		long id = account();
		String access = "EAAD-module-" + UUID.randomUUID();

		this.tokens.store(id, new NewToken(TokenSecret.of(access), null, Instant.now().plus(Duration.ofDays(60)), null,
				"ads_read"), "test");

		assertThat(this.tokens.accessToken(id)).contains(TokenSecret.of(access));
		Map<String, Object> row = this.jdbc.sql("select * from account_token where account_id = ?").param(id).query().singleRow();
		row.values().forEach(value -> assertThat(value instanceof byte[] bytes
				? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value)).doesNotContain(access));
	}

	@Test
	void checkWhenItChangesTheStatusThenTheCheckedAndExpiryDatesOfThatCheckAreKept() {
		long id = account();
		AccountToken stored = this.tokens.store(id, new NewToken(TokenSecret.of("EAAD-" + UUID.randomUUID()), null,
				Instant.now().plus(Duration.ofDays(60)), null, "ads_read"), "test");
		Instant checkedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = checkedAt.plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

		Boolean applied = this.transactions.execute(status -> this.tokens.applyCheck(id, stored.version(),
				CheckFindings.checked(checkedAt, expiresAt, null).withStatus(TokenStatus.EXPIRED, "PASSWORD_CHANGED",
						"health check")));

		assertThat(applied).isTrue();
		AccountToken after = this.tokens.find(id).orElseThrow();
		assertThat(after.status()).isEqualTo(TokenStatus.EXPIRED);
		assertThat(after.statusReason()).isEqualTo("PASSWORD_CHANGED");
		assertThat(after.lastCheckedAt()).isEqualTo(checkedAt);
		assertThat(after.expiresAt()).isEqualTo(expiresAt);
	}

	/** A publisher account row (the accounts module is not started here). */
	private long account() {
		return this.jdbc.sql("""
				insert into publisher_account (publisher, external_id, name, owner_email)
				values ('FACEBOOK', ?, 'Module Test Shop', 'owner@tokens.test') returning id""")
			.param(UUID.randomUUID().toString().substring(0, 18))
			.query(Long.class)
			.single();
	}

}
