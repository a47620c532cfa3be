package io.tokenwarden.channels;

import java.util.List;

/** One page of a channel's delivery log, newest first. */
public record DeliveryPage(List<DeliveryView> deliveries, long total, int page, int size) {

	public int totalPages() {
		return (int) ((this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

	public long firstRow() {
		return this.total == 0 ? 0 : (long) this.page * this.size + 1;
	}

	public long lastRow() {
		return Math.min(this.total, (long) (this.page + 1) * this.size);
	}

}
