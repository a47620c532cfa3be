package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;

/**
 * What Config > Accounts was asked for: search text, filters, sort and page, all validated here so
 * that nothing from the query string reaches SQL except as a bound value.
 */
public record AccountQuery(String q, Publisher publisher, TokenStatus status, String sort, boolean descending,
		int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	static final Map<String, String> SORT_COLUMNS = Map.of(
			"name", "l.sort_name",
			"id", "a.external_id",
			"publisher", "l.publisher",
			"status", "l.token_status",
			"lastChecked", "t.last_checked_at",
			"expires", "t.expires_at");

	/** Builds a query from raw request values, falling back to defaults for anything unknown. */
	public static AccountQuery of(String q, String publisher, String status, String sort, Integer page, Integer size) {
		String text = StringUtils.hasText(q) ? q.trim() : null;
		if (text != null && text.length() > 200) {
			text = text.substring(0, 200);
		}
		String sortKey = "name";
		boolean descending = false;
		if (StringUtils.hasText(sort)) {
			String[] parts = sort.split(",", 2);
			if (SORT_COLUMNS.containsKey(parts[0])) {
				sortKey = parts[0];
				descending = parts.length == 2 && "desc".equalsIgnoreCase(parts[1]);
			}
		}
		int pageSize = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		int pageNumber = page == null || page < 0 ? 0 : page;
		return new AccountQuery(text, parse(Publisher.class, publisher), parse(TokenStatus.class, status), sortKey,
				descending, pageNumber, pageSize);
	}

	public String sortParameter() {
		return this.sort + (this.descending ? ",desc" : ",asc");
	}

	/** The link to {@code page} of this same query. */
	public String pageLink(int page) {
		return link(page, this.sort, this.descending);
	}

	/** The link that sorts by {@code column}: ascending first, then the other way on a second click. */
	public String sortLink(String column) {
		return link(0, column, column.equals(this.sort) && !this.descending);
	}

	/** "ascending", "descending" or "none" for a column header's aria-sort. */
	public String ariaSort(String column) {
		return !column.equals(this.sort) ? "none" : this.descending ? "descending" : "ascending";
	}

	/** The CSV of every page of this query: same search, filters and sort. */
	public String exportLink() {
		UriComponentsBuilder uri = filters(UriComponentsBuilder.fromPath("/config/accounts.csv"));
		uri.queryParam("sort", sortParameter());
		return uri.encode().build().toUriString();
	}

	private String link(int page, String sortKey, boolean desc) {
		UriComponentsBuilder uri = filters(UriComponentsBuilder.fromPath("/config/accounts"));
		uri.queryParam("sort", sortKey + (desc ? ",desc" : ",asc"));
		if (this.size != DEFAULT_SIZE) {
			uri.queryParam("size", this.size);
		}
		if (page > 0) {
			uri.queryParam("page", page);
		}
		return uri.encode().build().toUriString();
	}

	private UriComponentsBuilder filters(UriComponentsBuilder uri) {
		if (this.q != null) {
			uri.queryParam("q", this.q);
		}
		if (this.publisher != null) {
			uri.queryParam("publisher", this.publisher.name());
		}
		if (this.status != null) {
			uri.queryParam("status", this.status.name());
		}
		return uri;
	}

	public boolean filtered() {
		return this.q != null || this.publisher != null || this.status != null;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value.trim())) {
				return constant;
			}
		}
		return null;
	}

}
