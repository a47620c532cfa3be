package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender as db-scheduler runs it, with nobody calling a round by hand. Its own context, closed
 * afterwards, so its scheduled rounds never take the notices of other tests.
 */
@TestPropertySource(properties = { "tokenwarden.notifications.scheduled-sending=true",
		"tokenwarden.notifications.poll-interval=PT1S", "db-scheduler.polling-interval=PT1S" })
@DirtiesContext
class NoticeSchedulingTests extends NotificationsTestSupport {

	@Test
	void scheduledSenderWhenANoticeIsEnqueuedThenItIsDeliveredWithoutAManualRound() {
		NoticeAccount account = account(Publisher.FACEBOOK, "Valley Auto Repair");

		enqueue(NewNotice.expired(account, "PASSWORD_CHANGED", this.clock.instant(), key()));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(noticeTo(account.ownerEmail()).status()).isEqualTo(NoticeStatus.SENT));
		assertThat(smtp.messagesTo(account.ownerEmail())).hasSize(1);
	}

}
