package io.tokenwarden.sync;

import io.tokenwarden.testsupport.AppInstance;
import io.tokenwarden.testsupport.Together;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one database run a sync round at the same time: each account's
 * campaigns are imported by one of them, with one set of publisher calls.
 */
class TwoInstancesSyncTests extends SyncTestSupport {

	@Test
	void syncRoundsWhenTwoInstancesRunAtTheSameTimeThenEachAccountIsImportedOnceWithOneSetOfCalls() throws Exception {
		List<Account> accounts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			accounts.add(facebookAccount("[" + campaign(campaignId(), "Spring Sale " + i, "ACTIVE", 5000, "12.50", 150) + "]"));
		}
		accounts.forEach(a -> this.jdbc.sql("""
				insert into sync_account (account_id, next_sync_at) values (?, now() - interval '1 day')
				on conflict (account_id) do update set next_sync_at = excluded.next_sync_at, claimed_until = null""")
			.param(a.id()).update());
		// each call takes a moment, so that one instance cannot be done before the other has started
		publishers.setGlobalFixedDelay(60);
		try (ConfigurableApplicationContext second = AppInstance.start(
				"--tokenwarden.publishers.facebook.graph-url=" + publishers.baseUrl() + GRAPH,
				"--tokenwarden.publishers.x.api-url=" + publishers.baseUrl(),
				"--tokenwarden.publishers.x.ads-api-url=" + publishers.baseUrl(), "--server.port=0")) {
			CampaignSync other = second.getBean(CampaignSync.class);

			List<Integer> claimed = Together.run(this.sync::runRound, other::runRound);

			assertThat(claimed).as("both instances synced accounts").allSatisfy(n -> assertThat(n).isPositive());
			for (Account account : accounts) {
				assertThat(callsWith(account.token()).stream().filter(r -> r.getUrl().contains("/campaigns")))
					.as("campaign reads of account %d", account.id()).hasSize(1);
				assertThat(this.jdbc.sql("select count(*) from campaign where account_id = ?").param(account.id())
					.query(Long.class).single()).isOne();
			}
		}
		finally {
			publishers.setGlobalFixedDelay(0);
		}
	}

}
