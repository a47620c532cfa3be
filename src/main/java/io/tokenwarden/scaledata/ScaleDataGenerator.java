package io.tokenwarden.scaledata;

import io.tokenwarden.tokens.TokenCipher;
import io.tokenwarden.tokens.TokenKind;
import io.tokenwarden.tokens.TokenSecret;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Fills an empty database with N publisher accounts, M agencies and about three links per account,
 * with a realistic mix of token statuses and real (encrypted) tokens. Rows are made set-based in
 * SQL ({@link ScaleDataSql}); only the encryption happens here, a chunk of accounts at a time. All of
 * it is one transaction: a failed fill leaves nothing behind.
 */
class ScaleDataGenerator {

	static final String BENCH_USER = "bench@scale.test";

	private static final int CHUNK = 5_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TokenCipher cipher;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ScaleDataGenerator(JdbcClient jdbc, TransactionTemplate transactions, TokenCipher cipher,
			PasswordEncoder passwordEncoder, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.cipher = cipher;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/** What a fill did, or found already done. */
	record ScaleDataResult(boolean filled, long accounts, long agencies, long links, String largestAgency,
			long largestAgencyAccounts) {

		@Override
		public String toString() {
			return (this.filled ? "Filled" : "Already holds scale data:") + " " + this.accounts + " accounts, "
					+ this.agencies + " agencies, " + this.links + " links; the largest agency, " + this.largestAgency
					+ ", holds " + this.largestAgencyAccounts + " accounts";
		}

	}

	/**
	 * Fills the database, or does nothing when an earlier fill is there. Refuses a database that
	 * holds anything else: scale data is for a database of its own.
	 */
	ScaleDataResult fill(int accounts, int agencies, String benchPassword) {
		ScaleDataResult result = this.transactions.execute(status -> {
			this.jdbc.sql("select pg_advisory_xact_lock(7303)").query().singleValue();
			if (holdsScaleData()) {
				return summary(false);
			}
			if (holdsOtherData()) {
				throw new IllegalStateException("tokenwarden.scale-data needs an empty database, and this one already "
						+ "holds agencies, users or accounts. Point tokenwarden.data-dir (or spring.datasource.url) "
						+ "at a database of its own, e.g. --tokenwarden.data-dir=./data-scale");
			}
			OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
			insertRows(accounts, agencies, now);
			encryptTokens();
			createBenchUser(benchPassword);
			return summary(true);
		});
		if (result.filled()) {
			// fresh statistics, or the first queries are planned for empty tables (outside the
			// transaction: VACUUM cannot run in one)
			this.jdbc.sql(ScaleDataSql.VACUUM_ANALYZE).update();
		}
		return result;
	}

	private boolean holdsScaleData() {
		return this.jdbc.sql("select exists (select 1 from app_user where email = ?)")
			.param(BENCH_USER)
			.query(Boolean.class)
			.single();
	}

	private boolean holdsOtherData() {
		return this.jdbc.sql("""
				select exists (select 1 from agency) or exists (select 1 from app_user)
				    or exists (select 1 from publisher_account)""").query(Boolean.class).single();
	}

	private void insertRows(int accounts, int agencies, OffsetDateTime now) {
		this.jdbc.sql(ScaleDataSql.AGENCIES).param("agencies", agencies).update();
		this.jdbc.sql(ScaleDataSql.AGENCY_ORDINALS).update();
		this.jdbc.sql(ScaleDataSql.ACCOUNTS).param("accounts", accounts).update();
		this.jdbc.sql(ScaleDataSql.ACCOUNT_ORDINALS).update();
		// tokens before links: each new link copies its token's status (migration V80), instead of
		// every new token updating the links of its account
		this.jdbc.sql(ScaleDataSql.TOKENS).param("now", now).update();
		this.jdbc.sql(ScaleDataSql.LINKS).param("agencies", agencies).update();
	}

	/** Real tokens for every account whose token was not invalidated (those hold no secret). */
	private void encryptTokens() {
		List<Object[]> holders = this.jdbc.sql("""
				select a.id, a.publisher from publisher_account a join account_token t on t.account_id = a.id
				where t.status <> 'INVALIDATED' order by a.id""")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list();
		for (int from = 0; from < holders.size(); from += CHUNK) {
			encryptChunk(holders.subList(from, Math.min(from + CHUNK, holders.size())));
		}
	}

	private void encryptChunk(List<Object[]> chunk) {
		List<Long> ids = new ArrayList<>();
		List<byte[]> access = new ArrayList<>();
		List<Long> secretIds = new ArrayList<>();
		List<byte[]> secrets = new ArrayList<>();
		for (Object[] holder : chunk) {
			long id = (Long) holder[0];
			boolean x = "X".equals(holder[1]);
			ids.add(id);
			access.add(this.cipher.encrypt(id, TokenKind.ACCESS, secret(x ? "xa-" : "EAAD")));
			if (x) {
				// an X token is OAuth 1.0a: the token and the secret that signs with it
				secretIds.add(id);
				secrets.add(this.cipher.encrypt(id, TokenKind.TOKEN_SECRET, secret("xs-")));
			}
		}
		setCiphertexts("access_token_ciphertext", ids, access);
		setCiphertexts("token_secret_ciphertext", secretIds, secrets);
	}

	private void setCiphertexts(String column, List<Long> ids, List<byte[]> ciphertexts) {
		if (ids.isEmpty()) {
			return;
		}
		// one statement per chunk: the ids and ciphertexts travel as two arrays
		this.jdbc.sql("update account_token t set " + column + " = u.c from unnest(?, ?) as u(id, c) "
				+ "where t.account_id = u.id")
			.param(1, new SqlArrayValue("bigint", ids.toArray(new Long[0])))
			.param(2, new SqlArrayValue("bytea", (Object[]) ciphertexts.toArray(new byte[0][])))
			.update();
	}

	private TokenSecret secret(String prefix) {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return TokenSecret.of(prefix + HexFormat.of().formatHex(bytes));
	}

	/** The benchmark's login: an ADMIN of the agency that holds the most accounts. */
	private void createBenchUser(String password) {
		long userId = this.jdbc.sql("""
				insert into app_user (email, display_name, password_hash) values (?, 'Bench Marker', ?)
				returning id""")
			.params(BENCH_USER, this.passwordEncoder.encode(password))
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into agency_membership (user_id, agency_id, role) select ?, agency_id, 'ADMIN' from ("
				+ ScaleDataSql.LARGEST_AGENCY + ") largest")
			.param(userId)
			.update();
	}

	private ScaleDataResult summary(boolean filled) {
		return this.jdbc.sql("""
				select (select count(*) from publisher_account), (select count(*) from agency),
				       (select count(*) from agency_account_link), g.name, largest.accounts
				from (""" + ScaleDataSql.LARGEST_AGENCY + ") largest join agency g on g.id = largest.agency_id")
			.query((rs, n) -> new ScaleDataResult(filled, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getLong(5)))
			.single();
	}

}
