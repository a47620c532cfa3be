package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * The queries behind Config > Accounts: one page of an agency's accounts, its total, and the names
 * of the agencies each shown account is linked to: the page and its count whatever the page holds
 * (the page alone for a search, or a short first page).
 */
@Component
class AccountSearch {

	private static final String ROW_COLUMNS = """
			a.id, a.publisher, a.external_id, a.name, a.owner_email,
			t.status, t.status_reason, t.status_note, t.status_changed_at, t.status_changed_by,
			t.last_checked_at, t.expires_at""";

	/**
	 * One account's linked agencies by name, for a single row. A page gets its rows' names in one join
	 * instead ({@code linked} in {@link #statements}): run per row, this read all the agencies once for
	 * each of the fifty rows (the planner prefers a scan of a small table to fifty lookups), two thirds
	 * of the page statement's time.
	 */
	private static final String LINKED_AGENCIES = """
			array(select g.name from agency_account_link x join agency g on g.id = x.agency_id
			      where x.account_id = a.id order by g.name) as linked_agencies""";

	static final int EXPORT_FETCH_SIZE = 1000;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate cursor;

	AccountSearch(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		JdbcTemplate fetching = new JdbcTemplate(dataSource);
		fetching.setFetchSize(EXPORT_FETCH_SIZE);
		this.cursor = new NamedParameterJdbcTemplate(fetching);
	}

	/**
	 * The page and count statements of a query with their bound values. The benchmark EXPLAINs these
	 * same strings, so what it shows is what the page runs.
	 */
	record Statements(String count, String page, Map<String, Object> params, boolean countedInPage,
			boolean onePlanForEveryAgency) {

		/** How PostgreSQL is to plan the page: see {@link AccountSearch#search}. */
		String planCacheMode() {
			return this.onePlanForEveryAgency ? "force_generic_plan" : "force_custom_plan";
		}

	}

	@Transactional(readOnly = true)
	AccountPage search(long agencyId, AccountQuery query) {
		// planned for this agency, not from a plan cached for another: an agency of 150 accounts and
		// one of 6,000 can want different plans for the same statement (a cached plan once cost the
		// largest agency 15-45 ms instead of 2-7). Except two shapes, whose one cached plan serves
		// every agency, so that they are not planned again (planning was a third of their time):
		// - the list by name, filtered by publisher or status or not: it reads the name index (or the
		//   status one) in order and stops after the page (0.2-1.0 ms for the page and its count from
		//   the cached plan, 0.6-1.4 ms planned anew, for every status and publisher in the largest
		//   agency and two small ones);
		// - a search with a trigram: its matches come from the trigram index, whatever the agency's
		//   size (0.4-1.2 ms for "coffee" from the cached plan, 0.9-1.8 ms planned anew, for the
		//   largest agency and two small ones; a term in every account 0.9-2.1 ms, and 1.2-2.2). A
		//   search without one ("a") would read the whole index that way (40 ms), so it is planned
		//   for its agency (1.3-2.0 ms).
		Statements statements = statements(agencyId, query);
		this.jdbc.sql("set local plan_cache_mode = " + statements.planCacheMode()).update();
		long[] counted = { -1 };
		List<AccountRow> rows = this.jdbc.sql(statements.page()).params(statements.params()).query((rs, n) -> {
			if (statements.countedInPage()) {
				counted[0] = rs.getLong("total");
			}
			return mapRow(rs, n);
		}).list();
		long total;
		if (counted[0] >= 0) {
			total = counted[0];
		}
		else if (query.page() == 0 && rows.size() < query.size()) {
			total = rows.size(); // a short first page holds every match
		}
		else {
			total = this.jdbc.sql(statements.count()).params(statements.params()).query(Long.class).single();
		}
		return new AccountPage(rows, total, query);
	}

	/**
	 * The page: first its links, from the agency's links alone (they carry the publisher, sort name,
	 * search text and token status: migration V80), in order from an index for the default sort and
	 * stopped after the page's last; then only those accounts, their tokens, and their agencies' names
	 * (one join for the page; {@code linked} is materialized: the cached plan of a search cannot know
	 * how many rows the page has, and aggregated the names anew for each of them). The count: the
	 * agency's matching links, from an index too; a search reads every match anyway (a bitmap of its trigrams),
	 * so its page counts them in the same pass ({@code countedInPage}).
	 */
	static Statements statements(long agencyId, AccountQuery query) {
		return statements(agencyId, query, true);
	}

	/**
	 * Every row of the query, in the page's order, to {@code rows} as they come: a cursor of
	 * {@code EXPORT_FETCH_SIZE} rows at a time (PostgreSQL streams only inside a transaction), so that
	 * memory stays flat however many accounts the agency has. The same statement as the page's, without
	 * its limit.
	 */
	@Transactional(readOnly = true)
	void export(long agencyId, AccountQuery query, Consumer<AccountRow> rows) {
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		Statements statements = statements(agencyId, query, false);
		this.cursor.query(statements.page(), statements.params(), (ResultSet rs) -> {
			rows.accept(mapRow(rs, 0));
		});
	}

	private static Statements statements(long agencyId, AccountQuery query, boolean paged) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(agencyId, query, params);
		if (paged) {
			params.put("limit", query.size());
			params.put("offset", (long) query.page() * query.size());
		}
		String column = AccountQuery.SORT_COLUMNS.get(query.sort());
		String direction = query.descending() ? " desc" : " asc";
		// a column that may be empty sorts empty last both ways; the others sort with the account id in
		// the same direction, so that an index serves both directions
		boolean nullable = column.startsWith("t.") || column.equals("l.token_status");
		String sortValue = "sort_value" + direction + (nullable ? " nulls last" : "");
		String accountId = "account_id" + (nullable ? "" : direction);
		boolean countedInPage = paged && query.q() != null;
		String page = "with page as (\n    select l.account_id, " + column + " as sort_value"
				+ (countedInPage ? ", count(*) over () as total" : "") + "\n"
				+ "    from agency_account_link l\n"
				+ (column.startsWith("a.") ? "    join publisher_account a on a.id = l.account_id\n" : "")
				+ (column.startsWith("t.") ? "    left join account_token t on t.account_id = l.account_id\n" : "")
				+ "    " + where + "\n    order by " + sortValue + ", l." + accountId
				+ (paged ? " limit :limit offset :offset" : "") + "),\n"
				+ "linked as materialized (\n    select x.account_id, array_agg(g.name order by g.name) as linked_agencies\n"
				+ "    from page p join agency_account_link x on x.account_id = p.account_id\n"
				+ "    join agency g on g.id = x.agency_id group by x.account_id)\n"
				+ "select " + ROW_COLUMNS + ", k.linked_agencies" + (countedInPage ? ", p.total" : "") + "\nfrom page p\n"
				+ "join publisher_account a on a.id = p.account_id\n"
				+ "left join account_token t on t.account_id = p.account_id\n"
				+ "join linked k on k.account_id = p.account_id\n"
				+ "order by p." + sortValue + ", p." + accountId;
		// unfiltered, the agency's own count (kept by triggers, migration V80) instead of counting its links
		boolean filtered = query.q() != null || query.publisher() != null || query.status() != null;
		String count = !filtered ? "select account_count from agency where id = :agency"
				: "select count(*) from agency_account_link l " + where;
		boolean onePlan = paged && (query.q() == null ? query.sort().equals("name") : hasTrigram(query.q()));
		return new Statements(count, page, params, countedInPage, onePlan);
	}

	/**
	 * Whether a search has a trigram for the index whatever surrounds it: three letters or digits in a
	 * row (pg_trgm splits words at anything else, and a word of the pattern can be part of a longer one).
	 */
	private static boolean hasTrigram(String q) {
		int run = 0;
		for (int i = 0; i < q.length(); i = q.offsetByCodePoints(i, 1)) {
			run = Character.isLetterOrDigit(q.codePointAt(i)) ? run + 1 : 0;
			if (run == 3) {
				return true;
			}
		}
		return false;
	}

	/** The account as one of the agency's rows, or null when it is not linked to that agency. */
	@Transactional(readOnly = true)
	AccountRow row(long accountId) {
		// not a text block: a one-line text block loses its leading space, which made "expires_atfrom"
		List<AccountRow> rows = this.jdbc.sql("select " + ROW_COLUMNS + ", " + LINKED_AGENCIES
				+ " from publisher_account a left join account_token t on t.account_id = a.id where a.id = :id")
			.param("id", accountId)
			.query(AccountSearch::mapRow)
			.list();
		return rows.isEmpty() ? null : rows.get(0);
	}

	private static AccountRow mapRow(ResultSet rs, int rowNum) throws SQLException {
		String status = rs.getString("status");
		return new AccountRow(rs.getLong("id"), Publisher.valueOf(rs.getString("publisher")), rs.getString("external_id"),
				rs.getString("name"), rs.getString("owner_email"), status == null ? null : TokenStatus.valueOf(status),
				rs.getString("status_reason"), rs.getString("status_note"), instant(rs, "status_changed_at"),
				rs.getString("status_changed_by"), instant(rs, "last_checked_at"), instant(rs, "expires_at"),
				List.of((String[]) rs.getArray("linked_agencies").getArray()));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static String where(long agencyId, AccountQuery query, Map<String, Object> params) {
		StringBuilder where = new StringBuilder("where l.agency_id = :agency");
		params.put("agency", agencyId);
		if (query.q() != null) {
			// search_text is lower(external_id, name, owner_email): see migrations V6 and V80
			where.append(" and l.search_text like lower(:q) escape '\\'");
			params.put("q", "%" + query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.publisher() != null) {
			where.append(" and l.publisher = :publisher");
			params.put("publisher", query.publisher().name());
		}
		if (query.status() != null) {
			where.append(" and l.token_status = :status");
			params.put("status", query.status().name());
		}
		return where.toString();
	}

}
