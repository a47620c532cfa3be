package io.tokenwarden.tokens;

import io.tokenwarden.accounts.AccountDirectory;
import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.agencies.Role;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.DemoConsoleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Tokens at rest: stored through {@link AccountTokens}, their plaintext is in no column of the
 * database, in no log line and on no page; a ciphertext moved to another account's row is useless.
 */
@DemoConsoleTest
@ExtendWith(OutputCaptureExtension.class)
class TokensAtRestTests {

	/** Loggers that would show SQL, bound values, requests and our own code, made as talkative as they get. */
	private static final List<String> TALKATIVE = List.of("org.hibernate.SQL", "org.hibernate.orm.jdbc.bind",
			"org.springframework.jdbc", "org.springframework.web", "org.springframework.security", "io.tokenwarden");

	/** The application's clock, which other tests of this context move forward: "now" for the page. */
	@Autowired
	Clock clock;

	@Autowired
	AccountTokens tokens;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private String u;

	private long agency;

	private String access;

	private String refresh;

	@BeforeEach
	void secrets() {
		this.u = UUID.randomUUID().toString().substring(0, 8);
		this.agency = this.agencies.createAgency("Tokens Agency " + this.u);
		this.access = "EAAD-plaintext-access-" + UUID.randomUUID();
		this.refresh = "xs-plaintext-secret-" + UUID.randomUUID();
	}

	@Test
	void storeThenTheTokensReadBackButTheirPlaintextIsInNoColumnOfTheDatabase() {
		long id = accountWithToken("Stored");

		assertThat(this.tokens.accessToken(id)).contains(TokenSecret.of(this.access));
		assertThat(this.tokens.tokenSecret(id)).contains(TokenSecret.of(this.refresh));
		Map<String, Object> raw = this.jdbc.sql("select * from account_token where account_id = ?").param(id).query().singleRow();
		assertThat((byte[]) raw.get("access_token_ciphertext")).isNotEmpty();
		raw.values().forEach(value -> assertThat(asText(value)).doesNotContain(this.access, this.refresh));
		assertThat(rowsHolding(this.access)).isEmpty();
		assertThat(rowsHolding(this.refresh)).isEmpty();
	}

	@Test
	void storeAndShowWhenEveryLoggerIsTalkativeThenThePlaintextIsInNoLogLineAndOnNoPage(CapturedOutput output)
			throws Exception {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		TALKATIVE.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
		String pages;
		try {
			long id = accountWithToken("Logged");
			this.tokens.accessToken(id);
			String member = "tokens-" + this.u + "@fixtures.test";
			this.agencies.addMember(this.agency, this.agencies.createUser(member, "Member", "password-" + this.u), Role.ADMIN);
			pages = this.mvc.perform(get("/config/accounts").with(user(member))).andReturn().getResponse().getContentAsString()
					+ this.mvc.perform(get("/config/accounts/" + id).with(user(member))).andReturn().getResponse().getContentAsString();
		}
		finally {
			TALKATIVE.forEach(logger -> logging.setLogLevel(logger, null));
		}

		assertThat(output.getAll()).as("the capture saw the SQL").containsIgnoringCase("insert into account_token");
		assertThat(output.getAll()).doesNotContain(this.access, this.refresh);
		assertThat(pages).contains("Logged " + this.u).doesNotContain(this.access, this.refresh);
	}

	@Test
	void decryptWhenACiphertextWasCopiedToAnotherAccountsRowThenItFails() {
		long original = accountWithToken("Original");
		long other = accountWithToken("Other");
		this.jdbc.sql("""
				update account_token set access_token_ciphertext =
				    (select access_token_ciphertext from account_token where account_id = :from)
				where account_id = :to""").param("from", original).param("to", other).update();

		assertThatExceptionOfType(TokenDecryptionException.class).isThrownBy(() -> this.tokens.accessToken(other))
			.withMessageContaining("account " + other)
			.withMessageNotContaining(this.access);
		assertThat(this.tokens.accessToken(original)).contains(TokenSecret.of(this.access));
	}

	@Test
	void changeStatusWhenInvalidatedThenTheCiphertextsAreGone() {
		long id = accountWithToken("Invalidated");

		this.tokens.changeStatus(id, TokenStatus.INVALIDATED, "USER_LEFT", "left", "admin@fixtures.test");

		assertThat(this.tokens.accessToken(id)).isEmpty();
		assertThat(this.tokens.tokenSecret(id)).isEmpty();
		assertThat(this.tokens.find(id)).hasValueSatisfying(t -> assertThat(t.status()).isEqualTo(TokenStatus.INVALIDATED));
	}

	private long accountWithToken(String name) {
		long id = this.accounts.create(Publisher.X, name + "-" + UUID.randomUUID(), name + " " + this.u, "owner@tokens.test")
			.id();
		this.accounts.link(this.agency, id);
		this.tokens.store(id, new NewToken(TokenSecret.of(this.access), TokenSecret.of(this.refresh),
				this.clock.instant().plus(Duration.ofHours(2)), null, "tweet.read"), "test");
		return id;
	}

	/** "table.column" of every text or binary column in the schema that holds {@code secret}. */
	private List<String> rowsHolding(String secret) {
		return this.jdbc.sql("""
				select table_name, column_name, data_type from information_schema.columns
				where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'bytea')""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list()
			.stream()
			.filter(c -> this.jdbc.sql("select exists (select 1 from " + c[0] + " where position(? in " + c[1] + ") > 0)")
				.param(c[2].equals("bytea") ? secret.getBytes(StandardCharsets.UTF_8) : secret)
				.query(Boolean.class)
				.single())
			.map(c -> c[0] + "." + c[1])
			.toList();
	}

	private static String asText(Object value) {
		return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
	}

}
