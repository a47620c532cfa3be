package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries behind Config > Accounts: one page of an agency's accounts, its total, and the names
 * of the agencies each shown account is linked to. Two or three statements whatever the page holds.
 */
@Component
class AccountSearch {

	private static final String ROW_COLUMNS = """
			a.id, a.publisher, a.external_id, a.name, a.owner_email,
			t.status, t.status_reason, t.status_note, t.status_changed_at, t.status_changed_by,
			t.last_checked_at, t.expires_at""";

	static final String LINKED_AGENCIES = """
			select l.account_id, g.name from agency_account_link l join agency g on g.id = l.agency_id
			where l.account_id in (:ids) order by g.name""";

	private final JdbcClient jdbc;

	AccountSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The count and page statements of a query with their bound values. The benchmark EXPLAINs
	 * these same strings, so what it shows is what the page runs. When {@code countedInPage}, the
	 * page statement also returns the total (column {@code total}) and the count runs only for a
	 * page past the last.
	 */
	record Statements(String count, String page, Map<String, Object> params, boolean countedInPage) {
	}

	@Transactional(readOnly = true)
	AccountPage search(long agencyId, AccountQuery query) {
		Statements statements = statements(agencyId, query);
		long[] counted = { -1 };
		List<AccountRow> rows = this.jdbc.sql(statements.page()).params(statements.params()).query((rs, n) -> {
			if (statements.countedInPage()) {
				counted[0] = rs.getLong("total");
			}
			return mapRow(rs, n);
		}).list();
		long total = counted[0] >= 0 ? counted[0] : statements.countedInPage() && query.page() == 0 ? 0
				: this.jdbc.sql(statements.count()).params(statements.params()).query(Long.class).single();
		return new AccountPage(withLinkedAgencies(rows), total, query);
	}

	static Statements statements(long agencyId, AccountQuery query) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(agencyId, query, params);
		// the count joins only the tables its filters need: counting a large agency's links alone
		// is an index-only scan, joining every account to them is not
		String count = "select count(*) from agency_account_link l"
				+ (query.q() != null || query.publisher() != null ? " join publisher_account a on a.id = l.account_id" : "")
				+ "\n" + where;
		// a search or a status filter finds and sorts every match before the page can be cut, so the
		// page counts them in the same pass; without them, the page walks the name index and stops
		// at its last row, and the count above is an index-only scan
		boolean countedInPage = query.q() != null || query.status() != null;
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		String page = "select " + ROW_COLUMNS + (countedInPage ? ", count(*) over () as total" : "") + "\n" + """
				from agency_account_link l
				join publisher_account a on a.id = l.account_id
				left join account_token t on t.account_id = a.id
				""" + where + " order by " + orderBy(query) + " limit :limit offset :offset";
		return new Statements(count, page, params, countedInPage);
	}

	/**
	 * Columns that are never empty sort with the id in the same direction, so that an index (the
	 * name's) serves both directions; a token's columns may be empty, and empty sorts last both ways.
	 */
	private static String orderBy(AccountQuery query) {
		String column = AccountQuery.SORT_COLUMNS.get(query.sort());
		String direction = query.descending() ? " desc" : " asc";
		return column.startsWith("t.") ? column + direction + " nulls last, a.id" : column + direction + ", a.id" + direction;
	}

	/** The account as one of the agency's rows, or null when it is not linked to that agency. */
	@Transactional(readOnly = true)
	AccountRow row(long accountId) {
		// not a text block: a one-line text block loses its leading space, which made "expires_atfrom"
		List<AccountRow> rows = this.jdbc.sql("select " + ROW_COLUMNS
				+ " from publisher_account a left join account_token t on t.account_id = a.id where a.id = :id")
			.param("id", accountId)
			.query(AccountSearch::mapRow)
			.list();
		return rows.isEmpty() ? null : withLinkedAgencies(rows).get(0);
	}

	private static AccountRow mapRow(ResultSet rs, int rowNum) throws SQLException {
		String status = rs.getString("status");
		return new AccountRow(rs.getLong("id"), Publisher.valueOf(rs.getString("publisher")), rs.getString("external_id"),
				rs.getString("name"), rs.getString("owner_email"), status == null ? null : TokenStatus.valueOf(status),
				rs.getString("status_reason"), rs.getString("status_note"), instant(rs, "status_changed_at"),
				rs.getString("status_changed_by"), instant(rs, "last_checked_at"), instant(rs, "expires_at"), List.of());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private List<AccountRow> withLinkedAgencies(List<AccountRow> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<String>> names = new LinkedHashMap<>();
		this.jdbc.sql(LINKED_AGENCIES)
			.param("ids", rows.stream().map(AccountRow::id).toList())
			.query((rs, n) -> names.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return rows.stream().map(r -> r.withLinkedAgencies(names.getOrDefault(r.id(), List.of()))).toList();
	}

	private static String where(long agencyId, AccountQuery query, Map<String, Object> params) {
		StringBuilder where = new StringBuilder("where l.agency_id = :agency");
		params.put("agency", agencyId);
		if (query.q() != null) {
			// search_text is lower(external_id, name, owner_email): see migration V6
			where.append(" and a.search_text like lower(:q) escape '\\'");
			params.put("q", "%" + query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.publisher() != null) {
			where.append(" and a.publisher = :publisher");
			params.put("publisher", query.publisher().name());
		}
		if (query.status() != null) {
			// a semi-join the status index answers alone (status, account_id); as "t.status = ..." the
			// planner had to visit the token rows of every link of the agency (56 ms in the largest)
			where.append(" and l.account_id in (select s.account_id from account_token s where s.status = :status)");
			params.put("status", query.status().name());
		}
		return where.toString();
	}

}
