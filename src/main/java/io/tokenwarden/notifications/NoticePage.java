package io.tokenwarden.notifications;

import java.util.List;

/** One page of an agency's notices, newest first, with what its pagination needs. */
public record NoticePage(List<Notice> notices, long total, NoticeStatus status, int page, int size) {

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < totalPages();
	}

	public long firstRow() {
		return this.notices.isEmpty() ? 0 : (long) this.page * this.size + 1;
	}

	public long lastRow() {
		return this.notices.isEmpty() ? 0 : firstRow() + this.notices.size() - 1;
	}

}
