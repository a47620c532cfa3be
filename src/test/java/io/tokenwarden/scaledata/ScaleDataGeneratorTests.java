package io.tokenwarden.scaledata;

import io.tokenwarden.database.ScratchDatabases;
import io.tokenwarden.tokens.TokenCipher;
import io.tokenwarden.tokens.TokenKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The scale-data fill, with small N, each test on an empty database of its own. */
class ScaleDataGeneratorTests {

	private final TokenCipher cipher = new TokenCipher(TokenCipher.generateKeyset());

	private final PasswordEncoder passwordEncoder = new BCryptPasswordEncoder();

	private JdbcClient jdbc;

	private ScaleDataGenerator generator;

	@BeforeEach
	void emptyDatabase() {
		DataSource dataSource = ScratchDatabases.createMigrated();
		this.jdbc = JdbcClient.create(dataSource);
		this.generator = new ScaleDataGenerator(this.jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), this.cipher,
				this.passwordEncoder, Clock.systemUTC());
	}

	@Test
	void fillWhenDatabaseIsEmptyThenMakesTheAccountsAgenciesAndAboutThreeLinksEach() {
		ScaleDataGenerator.ScaleDataResult result = this.generator.fill(2_000, 40, "bench-secret");

		assertThat(result.filled()).isTrue();
		assertThat(count("publisher_account")).isEqualTo(2_000);
		assertThat(count("agency")).isEqualTo(40);
		assertThat(result.links()).isEqualTo(count("agency_account_link"));
		assertThat((double) result.links() / 2_000).isBetween(2.6, 3.0);
		assertThat(this.jdbc.sql("select count(*) from publisher_account a where not exists "
				+ "(select 1 from agency_account_link l where l.account_id = a.id)").query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("select publisher, count(*) from publisher_account group by publisher")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()).containsExactlyInAnyOrder(Map.entry("FACEBOOK", 1_334L), Map.entry("X", 666L));
	}

	@Test
	void fillThenGivesTheBenchUserAnAdminLoginInTheLargestAgency() {
		ScaleDataGenerator.ScaleDataResult result = this.generator.fill(2_000, 40, "bench-secret");

		String hash = this.jdbc.sql("select password_hash from app_user where email = 'bench@scale.test'")
			.query(String.class)
			.single();
		assertThat(this.passwordEncoder.matches("bench-secret", hash)).isTrue();
		Map<String, Object> membership = this.jdbc.sql("""
				select g.name, m.role, (select count(*) from agency_account_link l where l.agency_id = g.id) as accounts
				from agency_membership m join app_user u on u.id = m.user_id join agency g on g.id = m.agency_id
				where u.email = 'bench@scale.test'""").query().singleRow();
		assertThat(membership).containsEntry("name", result.largestAgency()).containsEntry("role", "ADMIN");
		assertThat((Long) membership.get("accounts")).isEqualTo(result.largestAgencyAccounts())
			.isEqualTo(this.jdbc.sql("select max(c) from (select count(*) c from agency_account_link group by agency_id) x")
				.query(Long.class)
				.single());
	}

	@Test
	void fillThenMixesTokenStatusesWithTheirReasons() {
		this.generator.fill(2_000, 40, "bench-secret");

		Map<String, Long> statuses = this.jdbc.sql("select status, count(*) from account_token group by status")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(statuses.keySet()).containsExactlyInAnyOrder("VALID", "EXPIRED", "INVALIDATED");
		assertThat(statuses.get("VALID")).isBetween(1_600L, 1_800L);
		assertThat(statuses.get("EXPIRED")).isBetween(140L, 260L);
		assertThat(statuses.get("INVALIDATED")).isBetween(60L, 140L);
		assertThat(largestAgencyStatuses()).as("the largest agency has every status too")
			.containsExactlyInAnyOrder("VALID", "EXPIRED", "INVALIDATED");
		assertThat(this.jdbc.sql("select distinct status_reason from account_token where status = 'EXPIRED'")
			.query(String.class)
			.list()).hasSizeGreaterThanOrEqualTo(5);
		assertThat(this.jdbc.sql("select count(*) from account_token where status <> 'VALID' and status_reason is null")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void fillThenStoresRealTokensEncryptedForTheirOwnRows() {
		this.generator.fill(600, 12, "bench-secret");

		assertThat(this.jdbc.sql("""
				select count(*) from account_token where status <> 'INVALIDATED' and access_token_ciphertext is null
				   or status = 'INVALIDATED' and access_token_ciphertext is not null""").query(Long.class).single())
			.isZero();
		List<Object[]> sample = this.jdbc.sql("""
				select t.account_id, a.publisher, t.access_token_ciphertext, t.token_secret_ciphertext
				from account_token t join publisher_account a on a.id = t.account_id
				where t.status = 'VALID' order by t.account_id limit 6""")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4) })
			.list();
		for (Object[] row : sample) {
			long id = (Long) row[0];
			String access = this.cipher.decrypt(id, TokenKind.ACCESS, (byte[]) row[2]).reveal();
			assertThat(access).startsWith("X".equals(row[1]) ? "xa-" : "EAAD").hasSizeGreaterThan(40);
			assertThat(new String((byte[]) row[2], StandardCharsets.ISO_8859_1)).doesNotContain(access);
			if ("X".equals(row[1])) {
				assertThat(this.cipher.decrypt(id, TokenKind.TOKEN_SECRET, (byte[]) row[3]).reveal()).startsWith("xs-");
			}
			else {
				assertThat(row[3]).isNull();
			}
		}
	}

	@Test
	void fillWhenAlreadyFilledThenChangesNothing() {
		this.generator.fill(300, 10, "bench-secret");

		ScaleDataGenerator.ScaleDataResult again = this.generator.fill(500, 20, "other");

		assertThat(again.filled()).isFalse();
		assertThat(again.accounts()).isEqualTo(300);
		assertThat(count("agency")).isEqualTo(10);
		assertThat(count("app_user")).isEqualTo(1);
	}

	@Test
	void fillWhenDatabaseHoldsOtherDataThenRefusesAndWritesNothing() {
		this.jdbc.sql("insert into agency (name) values ('Somebody Else''s Agency')").update();

		assertThatIllegalStateException().isThrownBy(() -> this.generator.fill(300, 10, "bench-secret"))
			.withMessageContaining("needs an empty database");
		assertThat(count("agency")).isEqualTo(1);
		assertThat(count("publisher_account")).isZero();
		assertThat(count("app_user")).isZero();
	}

	private List<String> largestAgencyStatuses() {
		return this.jdbc.sql("select distinct t.status from account_token t join agency_account_link l "
				+ "on l.account_id = t.account_id where l.agency_id = (select agency_id from (" + ScaleDataSql.LARGEST_AGENCY
				+ ") x)").query(String.class).list();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
