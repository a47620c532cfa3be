package io.tokenwarden.health;

import io.tokenwarden.invalidation.TokenInvalidated;
import io.tokenwarden.notifications.NoticeKind;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.refresh.TokenRefreshed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.EnumSet;

/**
 * A refresh resolves the account's expiry incident, so no more reminders go out and its next check is
 * soon; an invalidation ends it too (no expiry emails follow a deliberate invalidation). Both run in the
 * transaction of the refresh or invalidation.
 */
@Component
class TokenLifecycle {

	private final JdbcClient jdbc;

	private final Notices notices;

	private final ApplicationEventPublisher events;

	TokenLifecycle(JdbcClient jdbc, Notices notices, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.events = events;
	}

	@EventListener
	void onRefreshed(TokenRefreshed event) {
		recovered(event);
		this.jdbc.sql("""
				update account_health set expiry_incident_opened_at = null, reminders_sent = 0, unreachable_since = null,
				    unreachable_noticed = false, billing_problem_since = null, permission_problem_since = null,
				    last_verified_at = ?, next_check_at = ?
				where account_id = ?""")
			.params(HealthStore.at(event.at()), HealthStore.at(event.at().plusSeconds(300)), event.accountId())
			.update();
		// notices not yet sent about the old token would no longer be true
		this.notices.withdrawUnsent(event.accountId(),
				EnumSet.of(NoticeKind.EXPIRED, NoticeKind.EXPIRING_SOON, NoticeKind.UNREACHABLE,
						NoticeKind.RECONNECT_LINK));
	}

	/**
	 * A refresh that ends an open expiry incident is its recovery; the key is the one a check that finds the
	 * token valid again would use, so the incident gets one recovery message either way.
	 */
	private void recovered(TokenRefreshed event) {
		this.jdbc.sql("""
				select h.expiry_incident_opened_at, a.external_id, a.name from account_health h
				join publisher_account a on a.id = h.account_id
				where h.account_id = ? and h.expiry_incident_opened_at is not null""")
			.param(event.accountId())
			.query((rs, n) -> new AccountHealthChanged(AccountHealthChanged.HealthChange.RECOVERED, event.accountId(),
					event.publisher(), rs.getString("external_id"), rs.getString("name"), null, event.at(), null,
					"recovered:expired:" + event.accountId() + ":"
							+ HealthStore.instant(rs, "expiry_incident_opened_at").toEpochMilli()))
			.optional()
			.ifPresent(this.events::publishEvent);
	}

	@EventListener
	void onInvalidated(TokenInvalidated event) {
		this.jdbc.sql("update account_health set expiry_incident_opened_at = null where account_id = ?")
			.param(event.accountId())
			.update();
	}

}
