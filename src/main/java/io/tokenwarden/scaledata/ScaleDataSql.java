package io.tokenwarden.scaledata;

/**
 * The set-based statements of a fill. Agency and account ordinals ({@code n}) live in temporary
 * tables, so the data does not depend on which ids the identity columns hand out. Everything is
 * derived from the ordinal: the same N and M always give the same shape.
 */
final class ScaleDataSql {

	static final String AGENCIES = """
			insert into agency (name)
			select 'Scale Agency ' || lpad(g::text, 5, '0') from generate_series(1, :agencies) g""";

	static final String AGENCY_ORDINALS = """
			create temporary table scale_agency on commit drop as
			select row_number() over (order by id) as n, id from agency""";

	/**
	 * Brand-like names ("Alpine Coffee 42", words drawn from a hash so that every agency's accounts
	 * spread over the alphabet), Facebook and X in a 2:1 mix, owners on three domains. The publisher ids
	 * start at 300000000000000 and 3000000000, above the demo's, so that the demo can seed beside them.
	 */
	static final String ACCOUNTS = """
			insert into publisher_account (publisher, external_id, name, owner_email)
			select case when g % 3 = 0 then 'X' else 'FACEBOOK' end,
			       case when g % 3 = 0 then (3000000000 + g)::text else (300000000000000 + g)::text end,
			       (array['Alpine', 'Bluebird', 'Cedar', 'Delta', 'Evergreen', 'Falcon', 'Golden', 'Harbor',
			              'Ironwood', 'Juniper', 'Keystone', 'Lakeside', 'Maple', 'Northstar', 'Orchard', 'Pioneer',
			              'Quartz', 'Redwood', 'Summit', 'Tidewater'])[1 + (abs(hashint4(g)::bigint) % 20)::int]
			       || ' ' ||
			       (array['Coffee', 'Outfitters', 'Bakery', 'Fitness', 'Grocers', 'Hotel', 'Tools', 'Skincare',
			              'Realty', 'Pets', 'Books', 'Travel', 'Cider', 'Bikes', 'Jewelry', 'Wines', 'Ski School',
			              'Seafood', 'Florist', 'Auto Repair'])[1 + (abs(hashint4(-g)::bigint) % 20)::int]
			       || ' ' || g,
			       'owner' || g || '@' || (array['mail.test', 'brands.test', 'example.test'])[1 + g % 3]
			from generate_series(1, :accounts) g""";

	static final String ACCOUNT_ORDINALS = """
			create temporary table scale_account on commit drop as
			select row_number() over (order by id) as n, id, publisher from publisher_account""";

	/**
	 * Two to four links per account (2.87 on average): every sixteenth account's first link goes to
	 * agency 1, which so holds about N/16 accounts (6,250 of 100,000); the rest spread evenly.
	 */
	static final String LINKS = """
			insert into agency_account_link (agency_id, account_id)
			select g.id, a.id
			from scale_account a
			cross join generate_series(0, 3) k
			join scale_agency g on g.n = case when k = 0 and a.n % 16 = 0 then 1
			                                  else 1 + abs(hashint8(a.n * 4 + k)::bigint) % :agencies end
			where k < 2 or (k = 2 and a.n % 3 <> 0) or (k = 3 and a.n % 5 = 0)
			on conflict do nothing""";

	/**
	 * One token row per account (X's OAuth 1.0a tokens without expiry or scopes): 85% VALID, 10%
	 * EXPIRED (seven reasons), 5% INVALIDATED (two reasons), drawn from a hash of the ordinal so that
	 * the mix is the same in every agency (a plain modulus would line up with the links' and leave the
	 * largest agency with no EXPIRED account); one in fifty never checked. The ciphertexts are set afterwards, in Java.
	 */
	static final String TOKENS = """
			insert into account_token (account_id, expires_at, data_access_expires_at, scopes, status,
			    status_reason, status_note, status_changed_at, status_changed_by, last_checked_at)
			select a.id,
			       case when a.publisher = 'FACEBOOK' then case s.status
			           when 'EXPIRED' then c.t0 - make_interval(days => (1 + a.n % 30)::int)
			           when 'VALID' then c.t0 + make_interval(days => (1 + a.n % 59)::int)
			       end end,
			       case when s.status <> 'INVALIDATED' and a.publisher = 'FACEBOOK' then c.t0 + interval '90 days' end,
			       case when a.publisher = 'FACEBOOK' then 'ads_read,ads_management,pages_show_list' end,
			       s.status,
			       case s.status
			           when 'EXPIRED' then (array['PASSWORD_CHANGED', 'EXPIRED', 'APP_REMOVED', 'CHECKPOINT',
			               'DATA_ACCESS_EXPIRED', 'LOGGED_OUT', 'INVALID'])[1 + ((h.v / 20) % 7)::int]
			           when 'INVALIDATED' then (array['USER_LEFT', 'STOP_ACTIVITY'])[1 + ((h.v / 20) % 2)::int]
			       end,
			       case when s.status = 'INVALIDATED' then 'Invalidated for the benchmark' end,
			       c.t0 - make_interval(days => (a.n % 90)::int),
			       case s.status when 'VALID' then 'scale-data' when 'EXPIRED' then 'health check'
			                     else 'bench@scale.test' end,
			       case when a.n % 50 <> 0 then c.t0 - make_interval(mins => (a.n % 180)::int) end
			from scale_account a
			cross join (select cast(:now as timestamptz) as t0) c
			cross join lateral (select abs(hashint8(a.n * 7 + 3)::bigint) as v) h
			cross join lateral (select case when h.v % 20 = 0 then 'INVALIDATED'
			                                when h.v % 20 in (1, 2) then 'EXPIRED'
			                                else 'VALID' end as status) s""";

	static final String LARGEST_AGENCY = """
			select agency_id, count(*) as accounts from agency_account_link
			group by agency_id order by count(*) desc, agency_id limit 1""";

	/** As autovacuum would leave the tables: statistics, and visibility maps for index-only scans. */
	static final String VACUUM_ANALYZE = """
			vacuum (analyze) agency, app_user, agency_membership, publisher_account, agency_account_link, account_token""";

	private ScaleDataSql() {
	}

}
