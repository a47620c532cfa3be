package io.tokenwarden.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** Which agency admins asked for a copy of the notices about their agency's accounts. */
@Component
class AdminCopies {

	private final JdbcClient jdbc;

	AdminCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean isOptedIn(String userEmail, long agencyId) {
		return this.jdbc.sql("""
				select exists (select 1 from notice_admin_copy c join app_user u on u.id = c.user_id
				               where u.email = lower(?) and c.agency_id = ?)""")
			.params(userEmail, agencyId)
			.query(Boolean.class)
			.single();
	}

	/** Only an ADMIN of the agency can opt in; false when the person is not one. */
	boolean optIn(String userEmail, long agencyId) {
		return this.jdbc.sql("""
				insert into notice_admin_copy (user_id, agency_id)
				select m.user_id, m.agency_id from agency_membership m join app_user u on u.id = m.user_id
				where u.email = lower(?) and m.agency_id = ? and m.role = 'ADMIN'
				on conflict do nothing""")
			.params(userEmail, agencyId)
			.update() == 1 || isOptedIn(userEmail, agencyId);
	}

	void optOut(String userEmail, long agencyId) {
		this.jdbc.sql("""
				delete from notice_admin_copy c using app_user u
				where u.id = c.user_id and u.email = lower(?) and c.agency_id = ?""")
			.params(userEmail, agencyId)
			.update();
	}

	/**
	 * The enabled admins, opted in, of every agency the account is linked to; not its owner, who
	 * gets the notice itself.
	 */
	List<String> recipientsFor(long accountId) {
		return this.jdbc.sql("""
				select distinct u.email
				from agency_account_link l
				join publisher_account a on a.id = l.account_id
				join notice_admin_copy c on c.agency_id = l.agency_id
				join agency_membership m on m.user_id = c.user_id and m.agency_id = c.agency_id and m.role = 'ADMIN'
				join app_user u on u.id = c.user_id and u.enabled
				where l.account_id = ? and u.email <> lower(a.owner_email)
				order by u.email""")
			.param(accountId)
			.query(String.class)
			.list();
	}

}
