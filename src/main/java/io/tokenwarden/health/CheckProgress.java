package io.tokenwarden.health;

/** How far a running "Check all now" has come. */
public record CheckProgress(int checked, int total) {

	public int percent() {
		return this.total == 0 ? 100 : this.checked * 100 / this.total;
	}

}
