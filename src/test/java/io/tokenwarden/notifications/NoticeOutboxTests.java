package io.tokenwarden.notifications;

import io.tokenwarden.publishers.Publisher;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.IllegalTransactionStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Enqueuing: only with the caller's transaction, and once per event and recipient. */
class NoticeOutboxTests extends NotificationsTestSupport {

	@Test
	void enqueueWhenTheSameKeyIsEnqueuedTwiceThenThereIsOneNotice() {
		NoticeAccount account = account(Publisher.FACEBOOK, "Pioneer Bikes");
		String key = key();

		boolean first = enqueue(NewNotice.expired(account, "EXPIRED", this.clock.instant(), key));
		boolean second = enqueue(NewNotice.expired(account, "EXPIRED", this.clock.instant(), key));

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(this.notices.forAccount(account.id(), 10)).hasSize(1);
	}

	@Test
	void enqueueWhenTheSameKeyGoesToTheOwnerAndAnAdminThenEachGetsOne() {
		NoticeAccount account = account(Publisher.FACEBOOK, "Quartz Jewelry");
		NewNotice notice = NewNotice.expired(account, "EXPIRED", this.clock.instant(), key());

		enqueue(notice);
		enqueue(notice.copyTo("admin@demo.test"));

		assertThat(this.notices.forAccount(account.id(), 10)).extracting(Notice::recipient, Notice::adminCopy)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(account.ownerEmail(), false),
					org.assertj.core.groups.Tuple.tuple("admin@demo.test", true));
	}

	@Test
	void enqueueWhenThereIsNoTransactionThenItFailsAndStoresNothing() {
		NoticeAccount account = account(Publisher.FACEBOOK, "Redwood Wines");

		assertThatThrownBy(() -> this.notices.enqueue(NewNotice.expired(account, "EXPIRED", this.clock.instant(), key())))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(this.notices.forAccount(account.id(), 10)).isEmpty();
	}

	@Test
	void enqueueWhenTheCallersTransactionRollsBackThenThereIsNoNotice() {
		NoticeAccount account = account(Publisher.FACEBOOK, "Summit Ski School");

		this.transactions.executeWithoutResult(status -> {
			this.notices.enqueue(NewNotice.expired(account, "EXPIRED", this.clock.instant(), key()));
			status.setRollbackOnly();
		});

		assertThat(this.notices.forAccount(account.id(), 10)).isEmpty();
	}

	@Test
	void newNoticeWhenAnExpiredNoticeHasNoReasonThenItIsRefused() {
		NoticeAccount account = account(Publisher.FACEBOOK, "Tidewater Seafood");

		assertThatThrownBy(() -> NewNotice.expired(account, " ", this.clock.instant(), key()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("reason");
	}

	@Test
	void adminCopyRecipientsWhenAnAdminOptedInThenTheyAreListedForTheAgencysAccounts() {
		long northwind = agency("Northwind Agency");
		long account = this.jdbc.sql("select account_id from agency_account_link where agency_id = ? order by account_id limit 1")
			.param(northwind)
			.query(Long.class)
			.single();
		this.notices.setAdminCopies("admin@demo.test", northwind, false);
		assertThat(this.notices.adminCopyRecipients(account)).doesNotContain("admin@demo.test");

		assertThat(this.notices.setAdminCopies("admin@demo.test", northwind, true)).isTrue();

		assertThat(this.notices.receivesAdminCopies("admin@demo.test", northwind)).isTrue();
		assertThat(this.notices.adminCopyRecipients(account)).contains("admin@demo.test");
		this.notices.setAdminCopies("admin@demo.test", northwind, false);
		assertThat(this.notices.adminCopyRecipients(account)).doesNotContain("admin@demo.test");
	}

	@Test
	void setAdminCopiesWhenThePersonIsNotAnAdminThereThenNothingIsRecorded() {
		long northwind = agency("Northwind Agency");

		assertThat(this.notices.setAdminCopies("manager@demo.test", northwind, true)).isFalse();
		assertThat(this.notices.receivesAdminCopies("manager@demo.test", northwind)).isFalse();
	}

	private long agency(String name) {
		return this.jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).single();
	}

}
