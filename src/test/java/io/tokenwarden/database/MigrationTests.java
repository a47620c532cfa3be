package io.tokenwarden.database;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The Flyway migrations, applied to an empty database, make the schema the page and the rules need. */
class MigrationTests {

	private static JdbcClient jdbc;

	@BeforeAll
	static void migrateAnEmptyDatabase() {
		DataSource dataSource = ScratchDatabases.create();
		ScratchDatabases.migrate(dataSource);
		jdbc = JdbcClient.create(dataSource);
	}

	@Test
	void migrateWhenDatabaseIsEmptyThenEveryMigrationSucceeds() {
		assertThat(jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
			.query(String.class)
			.list()).startsWith("1", "2", "3", "4", "5", "6");
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single())
			.isZero();
	}

	@Test
	void migrateThenEveryTableExists() {
		assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
			.query(String.class)
			.list()).contains("agency", "app_user", "agency_membership", "publisher_account", "agency_account_link",
					"account_token", "audit_event", "spring_session", "spring_session_attributes");
	}

	@Test
	void migrateThenThePagesQueriesHaveTheirIndexes() {
		assertThat(index("agency_account_link_pkey")).endsWith("(agency_id, account_id)");
		assertThat(index("agency_account_link_account_idx")).endsWith("(account_id, agency_id)");
		assertThat(index("agency_account_link_name_idx")).endsWith("(agency_id, sort_name, account_id)");
		assertThat(index("agency_account_link_status_idx")).endsWith("(agency_id, token_status, sort_name, account_id)");
		assertThat(index("agency_account_link_search_idx")).endsWith("USING gin (agency_id, search_text gin_trgm_ops)");
		assertThat(index("account_token_pkey")).endsWith("(account_id)");
		assertThat(index("account_token_status_idx")).endsWith("(status, account_id)");
		assertThat(index("agency_membership_agency_idx")).endsWith("(agency_id)");
		assertThat(index("publisher_account_external_unique")).contains("UNIQUE").endsWith("(publisher, external_id)");
		assertThat(index("audit_event_account_idx")).endsWith("(account_id, occurred_at DESC)");
	}

	@Test
	void insertThenTheSearchTextIsTheLowerCasedIdNameAndEmail() {
		String text = jdbc.sql("insert into publisher_account (publisher, external_id, name, owner_email) "
				+ "values ('X', 'Search-1', 'Bluebird COFFEE', 'Owner@Mail.test') returning search_text")
			.query(String.class)
			.single();

		assertThat(text).isEqualTo("search-1\nbluebird coffee\nowner@mail.test");
	}

	@Test
	void migrateThenLinksAndTokensHaveForeignKeysThatCascade() {
		List<String> foreignKeys = jdbc.sql("""
				select conrelid::regclass::text || '->' || confrelid::regclass::text || ':' || confdeltype::text
				from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace""")
			.query(String.class)
			.list();
		assertThat(foreignKeys).contains("agency_account_link->agency:c", "agency_account_link->publisher_account:c",
				"account_token->publisher_account:c", "agency_membership->agency:c", "agency_membership->app_user:c");
	}

	@Test
	void insertWhenPublisherAccountIsDuplicatedThenRejected() {
		jdbc.sql("insert into publisher_account (publisher, external_id, name, owner_email) "
				+ "values ('X', 'dup-1', 'One', 'one@example.test')").update();

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc
			.sql("insert into publisher_account (publisher, external_id, name, owner_email) "
					+ "values ('X', 'dup-1', 'Two', 'two@example.test')")
			.update()).withMessageContaining("publisher_account_external_unique");
	}

	@Test
	void insertWhenUserEmailIsNotLowerCaseThenRejected() {
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc
			.sql("insert into app_user (email, display_name, password_hash) values ('Mixed@Example.test', 'M', 'x')")
			.update()).withMessageContaining("app_user_email_lower");
	}

	@Test
	void insertWhenInvalidatedTokenKeepsASecretThenRejected() {
		long accountId = jdbc.sql("insert into publisher_account (publisher, external_id, name, owner_email) "
				+ "values ('FACEBOOK', 'inv-1', 'Inv', 'inv@example.test') returning id").query(Long.class).single();

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc
			.sql("insert into account_token (account_id, access_token_ciphertext, status) values (?, '\\x01', 'INVALIDATED')")
			.param(accountId)
			.update()).withMessageContaining("account_token_invalidated_has_no_secret");
	}

	@Test
	void updateOrDeleteWhenAuditEventExistsThenRefused() {
		jdbc.sql("insert into audit_event (actor, action) values ('someone@example.test', 'tested')").update();

		assertThatExceptionOfType(UncategorizedSQLException.class)
			.isThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone-else'").update())
			.withMessageContaining("append-only");
		assertThatExceptionOfType(UncategorizedSQLException.class)
			.isThrownBy(() -> jdbc.sql("delete from audit_event").update())
			.withMessageContaining("append-only");
	}

	@Test
	void migrateWhenAccountsExistedBeforeTheLinksCarriedTheirCopiesThenTheLinksAreFilledIn() {
		DataSource before = ScratchDatabases.create();
		Flyway.configure().dataSource(before).locations("classpath:db/migration").target("70").load().migrate();
		JdbcClient old = JdbcClient.create(before);
		long agency = old.sql("insert into agency (name) values ('Old Agency') returning id").query(Long.class).single();
		long account = old.sql("""
				insert into publisher_account (publisher, external_id, name, owner_email)
				values ('X', '42', 'Bluebird COFFEE', 'owner@mail.test') returning id""").query(Long.class).single();
		old.sql("insert into account_token (account_id, status) values (?, 'EXPIRED')").param(account).update();
		old.sql("insert into agency_account_link (agency_id, account_id) values (?, ?)").params(agency, account).update();

		ScratchDatabases.migrate(before);

		assertThat(old.sql("select publisher || '|' || sort_name || '|' || token_status from agency_account_link")
			.query(String.class)
			.single()).isEqualTo("X|bluebird coffee|EXPIRED");
	}

	@Test
	void migrateWhenXHeldOAuth2TokensThenTheyAreRemovedTheAccountsWaitForAnOAuth1RefreshAndTheLinksSaySo() {
		DataSource before = ScratchDatabases.create();
		Flyway.configure().dataSource(before).locations("classpath:db/migration").target("80").load().migrate();
		JdbcClient old = JdbcClient.create(before);
		long agency = old.sql("insert into agency (name) values ('Old Agency') returning id").query(Long.class).single();
		long x = account(old, "X", "1440000001");
		long invalidated = account(old, "X", "1440000002");
		long facebook = account(old, "FACEBOOK", "100000000000001");
		old.sql("""
				insert into account_token (account_id, access_token_ciphertext, refresh_token_ciphertext, expires_at, scopes, status)
				values (?, '\\x01', '\\x02', now(), 'tweet.read users.read offline.access', 'VALID')""").param(x).update();
		old.sql("insert into account_token (account_id, status) values (?, 'INVALIDATED')").param(invalidated).update();
		old.sql("insert into account_token (account_id, access_token_ciphertext, status) values (?, '\\x03', 'VALID')")
			.param(facebook).update();
		for (long account : new long[] { x, invalidated, facebook }) {
			old.sql("insert into agency_account_link (agency_id, account_id) values (?, ?)").params(agency, account).update();
		}
		old.sql("""
				insert into revocation_request (account_id, publisher, publisher_user_id, refresh_token_ciphertext, requested_by)
				values (?, 'X', '1440000002', '\\x04', 'admin@example.test')""").param(invalidated).update();

		ScratchDatabases.migrate(before);

		assertThat(old.sql("""
				select status || '|' || status_reason || '|' || (access_token_ciphertext is null)
				       || '|' || (token_secret_ciphertext is null) || '|' || (expires_at is null)
				from account_token where account_id = ?""").param(x).query(String.class).single())
			.isEqualTo("EXPIRED|X_OAUTH1_REQUIRED|true|true|true");
		assertThat(old.sql("select token_status from agency_account_link where account_id = ?").param(x)
			.query(String.class).single()).isEqualTo("EXPIRED");
		assertThat(old.sql("select status from account_token where account_id = ?").param(invalidated)
			.query(String.class).single()).isEqualTo("INVALIDATED");
		assertThat(old.sql("select status || '|' || (access_token_ciphertext is not null) from account_token where account_id = ?")
			.param(facebook).query(String.class).single()).isEqualTo("VALID|true");
		assertThat(old.sql("select status || '|' || (token_secret_ciphertext is null) from revocation_request")
			.query(String.class).single()).isEqualTo("FAILED|true");
		// an invalidated token still may not keep a secret, under the column's new name
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> old
			.sql("update account_token set token_secret_ciphertext = '\\x05' where account_id = ?").param(invalidated)
			.update()).withMessageContaining("account_token_invalidated_has_no_secret");
	}

	@Test
	void migrateWhenCampaignsKeptOneBidEachThenTheSandboxsBidMovesToAnAdGroupAndSyncImportsAgain() {
		DataSource before = ScratchDatabases.create();
		Flyway.configure().dataSource(before).locations("classpath:db/migration", "classpath:db/legacy").target("80").load().migrate();
		JdbcClient old = JdbcClient.create(before);
		long user = old.sql("insert into sandbox_user (publisher, external_id, name) values ('X', '42', 'Bird') returning id")
			.query(Long.class).single();
		old.sql("""
				insert into sandbox_campaign (user_id, publisher, ad_account_id, campaign_id, name, status, daily_budget_cents,
				    spend_day, bid_cents, position)
				values (?, 'X', '18ce1', 'c1', 'Launch', 'ACTIVE', 5000, current_date, 150, 1)""").param(user).update();
		long account = old.sql("""
				insert into publisher_account (publisher, external_id, name, owner_email)
				values ('X', '42', 'Bird', 'owner@mail.test') returning id""").query(Long.class).single();
		old.sql("insert into sync_account (account_id, next_sync_at) values (?, now() + interval '1 hour')").param(account)
			.update();

		Flyway main = Flyway.configure()
			.dataSource(before)
			.locations("classpath:db/migration")
			.ignoreMigrationPatterns("*:future", "versioned:missing")
			.placeholders(java.util.Map.of("demo", "true"))
			.load();
		main.migrate();
		io.tokenwarden.demo.DemoSchema.migrate(main.getConfiguration());

		assertThat(old.sql("select campaign_id || '|' || ad_group_id || '|' || bid_cents from sandbox_ad_group")
			.query(String.class).single()).isEqualTo("c1|c1l1|150");
		assertThat(old.sql("select count(*) from information_schema.columns where column_name = 'bid_cents' "
				+ "and table_name = 'sandbox_campaign'").query(Long.class).single()).isZero();
		assertThat(old.sql("select count(*) from information_schema.columns where column_name = 'bid' "
				+ "and table_name = 'campaign'").query(Long.class).single()).isZero();
		assertThat(old.sql("select next_sync_at <= now() from sync_account").query(Boolean.class).single()).isTrue();
	}

	private static long account(JdbcClient jdbc, String publisher, String externalId) {
		return jdbc.sql("insert into publisher_account (publisher, external_id, name, owner_email) values (?, ?, ?, ?) returning id")
			.params(publisher, externalId, publisher + " " + externalId, "owner@mail.test")
			.query(Long.class)
			.single();
	}

	private static String index(String name) {
		return jdbc.sql("select pg_get_indexdef(c.oid) from pg_class c where c.relname = ? and c.relkind = 'i'")
			.param(name)
			.query(String.class)
			.optional()
			.orElse("(missing)");
	}

}
