package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.DemoConsoleTest;
import io.tokenwarden.testsupport.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the notification tests share, in the shared {@link DemoConsoleTest} context: GreenMail as the mail
 * server, the clock they can move, and helpers to make unique accounts and enqueue notices.
 */
@DemoConsoleTest
abstract class NotificationsTestSupport {

	@RegisterExtension
	static final TestSmtp smtp = TestSmtp.shared();

	private static final AtomicLong accountIds = new AtomicLong(9_000_000_000L);

	@Autowired
	Notices notices;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	/** An account no other test uses, owned by a fresh address. */
	static NoticeAccount account(Publisher publisher, String name) {
		long id = accountIds.incrementAndGet();
		return new NoticeAccount(id, publisher, String.valueOf(100_000_000_000_000L + id), name,
				"owner-" + UUID.randomUUID() + "@mail.test");
	}

	static String key() {
		return "test:" + UUID.randomUUID();
	}

	boolean enqueue(NewNotice notice) {
		return Boolean.TRUE.equals(this.transactions.execute(status -> this.notices.enqueue(notice)));
	}

	/** The stored notice with this recipient (a test enqueues one per recipient unless it says otherwise). */
	Notice noticeTo(String recipient) {
		long id = this.jdbc.sql("select id from notice where recipient = ?").param(recipient).query(Long.class).single();
		return this.notices.forAccount(accountOf(id), 500).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
	}

	private long accountOf(long noticeId) {
		return this.jdbc.sql("select account_id from notice where id = ?").param(noticeId).query(Long.class).single();
	}

}
