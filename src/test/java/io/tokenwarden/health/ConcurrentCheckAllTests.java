package io.tokenwarden.health;

import io.tokenwarden.flash.Flash;
import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.publishers.Evidence;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.Together;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.tokens.TokenCipher;
import io.tokenwarden.tokens.TokenKind;
import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Many admins press "Check all now" on a large agency at once: no request fails (no deadlock), one of
 * them starts the check, the others are told it is running and by whom, and each account is checked once.
 */
class ConcurrentCheckAllTests extends HealthTestSupport {

	private static final int ACCOUNTS = 2000;

	private static final int ADMINS = 20;

	@Autowired
	TokenCipher cipher;

	@Autowired
	HealthStore store;

	@Test
	void checkAllNowWhen20AdminsAskAtOnceThenNoErrorOneCheckAndEachAccountCheckedOnce() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		List<Long> ids = fill(agencyId);
		List<WebSession> admins = new ArrayList<>();
		for (int i = 0; i < ADMINS; i++) {
			WebSession admin = session("admin@demo.test").inAgency(agencyId);
			page(admin, "/config/accounts");
			admins.add(admin);
		}
		// once started, the check waits at the publisher: every request finds it running, none finds it done
		imitation.hold();
		long asked = System.nanoTime();

		List<MvcResult> answers = Together.run(admins.stream()
			.<Callable<MvcResult>>map(admin -> () -> admin.perform(post("/config/accounts/checks").with(csrf())))
			.toList());
		long answered = System.nanoTime() - asked;

		assertThat(answers).allSatisfy(a -> assertThat(a.getResponse().getStatus()).isEqualTo(302));
		List<String> messages = answers.stream().map(FlashMessages::success).toList();
		assertThat(messages).containsOnlyOnce("health.checkAll.started")
			.filteredOn("health.checkAll.running"::equals).hasSize(ADMINS - 1);
		List<Object> running = answers.stream().filter(a -> "health.checkAll.running".equals(FlashMessages.success(a)))
			.findFirst().map(a -> FlashMessages.arguments(a, Flash.Level.SUCCESS)).orElseThrow();
		assertThat(running.get(0)).isEqualTo("admin@demo.test");
		assertThat(running.get(3)).isEqualTo(ACCOUNTS);
		assertThat(this.jdbc.sql("select count(*) from check_run where agency_id = ?").param(agencyId)
			.query(Long.class).single()).isOne();
		int joined = messages.indexOf("health.checkAll.running");
		String page = page(admins.get(joined), "/config/accounts");
		assertThat(page).contains("Checking tokens: 0 of 2,000 checked", "already running, started by admin@demo.test");

		long released = System.nanoTime();
		imitation.release();
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
			.until(() -> checksOf(agencyId) >= ACCOUNTS);
		long checkedIn = System.nanoTime() - released;

		assertThat(checksOf(agencyId)).isEqualTo(ACCOUNTS);
		assertThat(this.jdbc.sql("""
				select count(*) from (select c.account_id from token_check c join agency_account_link l
				on l.account_id = c.account_id and l.agency_id = ? group by c.account_id having count(*) <> 1) twice""")
			.param(agencyId).query(Long.class).single()).as("accounts checked other than once").isZero();
		assertThat(ids).allSatisfy(id -> assertThat(imitation.inspections("concurrent-token-" + id)).isOne());
		System.out.printf("%d concurrent \"Check all now\" on %,d accounts: all answered in %d ms (1 started, %d joined it);"
				+ " the check then took %.1f s, each account checked once%n", ADMINS, ACCOUNTS, answered / 1_000_000,
				ADMINS - 1, checkedIn / 1e9);
	}

	@Test
	void bulkUpdatesWhenTheyRunAtOnceOnTheSameRowsThenNoneDeadlocks() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		List<Long> ids = fill(agencyId);
		Instant later = this.clock.instant().plus(Duration.ofDays(2));
		List<Callable<Integer>> work = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			int kind = i % 3;
			work.add(() -> {
				for (int round = 0; round < 4; round++) {
					List<Long> shuffled = new ArrayList<>(ids);
					Collections.shuffle(shuffled, ThreadLocalRandom.current());
					if (kind == 0) {
						this.store.makeAgencyDue(agencyId, later);
					}
					else if (kind == 1) {
						this.store.releaseAll(shuffled, later);
					}
					else {
						Map<Long, Evidence> evidence = new HashMap<>();
						shuffled.forEach(id -> evidence.put(id, Evidence.of(Publisher.FACEBOOK, "valid")));
						this.store.verifiedAll(evidence, this.clock.instant(), later);
					}
				}
				return 0;
			});
		}

		List<Integer> done = Together.run(work);

		assertThat(done).hasSize(8);
	}

	/** The agency's accounts, with encrypted tokens the imitation finds valid, not due until asked. */
	private List<Long> fill(long agencyId) {
		long base = 500_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 10_000;
		List<Long> ids = this.jdbc.sql("""
				insert into publisher_account (publisher, external_id, name, owner_email)
				select 'FACEBOOK', (? + g)::text, 'Concurrent Shop ' || g, 'concurrent' || g || '@check.test'
				from generate_series(1, ?) g
				returning id""").params(base, ACCOUNTS).query(Long.class).list();
		List<byte[]> ciphertexts = new ArrayList<>();
		for (long id : ids) {
			ciphertexts.add(this.cipher.encrypt(id, TokenKind.ACCESS, TokenSecret.of("concurrent-token-" + id)));
			imitation.answer("concurrent-token-" + id, Answer.valid());
		}
		SqlArrayValue idArray = new SqlArrayValue("bigint", ids.toArray(new Long[0]));
		this.jdbc.sql("""
				insert into account_token (account_id, access_token_ciphertext, scopes, status, status_changed_by)
				select u.id, u.c, 'ads_read', 'VALID', 'test' from unnest(?, ?) as u(id, c)""")
			.param(1, idArray)
			.param(2, new SqlArrayValue("bytea", (Object[]) ciphertexts.toArray(new byte[0][])))
			.update();
		this.jdbc.sql("insert into agency_account_link (agency_id, account_id) select ?, u from unnest(?) u")
			.params(agencyId, idArray).update();
		this.jdbc.sql("insert into account_health (account_id, next_check_at) select u, ? from unnest(?) u")
			.params(HealthStore.at(this.clock.instant().plus(Duration.ofDays(1))), idArray).update();
		return ids;
	}

	private long checksOf(long agencyId) {
		return this.jdbc.sql("""
				select count(*) from token_check c join agency_account_link l on l.account_id = c.account_id
				where l.agency_id = ?""").param(agencyId).query(Long.class).single();
	}

}
