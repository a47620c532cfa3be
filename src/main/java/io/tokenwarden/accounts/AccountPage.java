package io.tokenwarden.accounts;

import java.util.List;

/** One page of Config > Accounts, with what is needed to draw its pagination. */
public record AccountPage(List<AccountRow> rows, long total, AccountQuery query) {

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.query.size() - 1) / this.query.size());
	}

	public boolean hasPrevious() {
		return this.query.page() > 0;
	}

	public boolean hasNext() {
		return this.query.page() + 1 < totalPages();
	}

	public long firstRow() {
		return this.rows.isEmpty() ? 0 : (long) this.query.page() * this.query.size() + 1;
	}

	public long lastRow() {
		return this.rows.isEmpty() ? 0 : firstRow() + this.rows.size() - 1;
	}

}
