package io.tokenwarden.health;

import io.tokenwarden.invalidation.TokenInvalidated;
import io.tokenwarden.notifications.NoticeKind;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.refresh.TokenRefreshed;
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

	TokenLifecycle(JdbcClient jdbc, Notices notices) {
		this.jdbc = jdbc;
		this.notices = notices;
	}

	@EventListener
	void onRefreshed(TokenRefreshed event) {
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

	@EventListener
	void onInvalidated(TokenInvalidated event) {
		this.jdbc.sql("update account_health set expiry_incident_opened_at = null where account_id = ?")
			.param(event.accountId())
			.update();
	}

}
