package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.DemoSandboxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender as db-scheduler runs it in the demo, with nobody calling a round by hand (the demo's context
 * schedules sending, on a database of its own, so its rounds never take the notices of other tests).
 */
@DemoSandboxTest
class NoticeSchedulingTests {

	@Autowired
	Notices notices;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void scheduledSenderWhenANoticeIsEnqueuedThenItIsDeliveredWithoutAManualRound() {
		long accountId = this.jdbc.sql("select min(id) from publisher_account").query(Long.class).single();
		String owner = "owner-" + UUID.randomUUID() + "@mail.test";
		NoticeAccount account = new NoticeAccount(accountId, Publisher.FACEBOOK, "1000" + accountId, "Valley Auto Repair",
				owner);

		this.transactions.executeWithoutResult(s -> this.notices
			.enqueue(NewNotice.expired(account, "PASSWORD_CHANGED", Instant.now(), UUID.randomUUID().toString())));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.sql("select status from notice where recipient = ?")
				.param(owner)
				.query(String.class)
				.single()).isEqualTo(NoticeStatus.SENT.name()));
	}

}
