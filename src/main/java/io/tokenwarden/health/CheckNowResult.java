package io.tokenwarden.health;

import io.tokenwarden.flash.Flash;

/**
 * What "Check now" came to: the check's outcome, or why there was no check ({@code outcome} is then
 * null). Says which message the page shows and how loudly.
 */
public record CheckNowResult(CheckOutcome outcome, NotChecked notChecked) {

	/** Why an account was not checked. */
	public enum NotChecked {

		/** Another check holds the account right now. */
		BUSY,

		/** The token was invalidated (or there is none): there is nothing to check. */
		INVALIDATED

	}

	static CheckNowResult checked(CheckOutcome outcome) {
		return new CheckNowResult(outcome, null);
	}

	static CheckNowResult notChecked(NotChecked why) {
		return new CheckNowResult(null, why);
	}

	/** The {@code health.checked.*} message, with the account's name as its argument. */
	public String messageKey() {
		return "health.checked." + (this.outcome != null ? this.outcome.name() : this.notChecked.name().toLowerCase());
	}

	/** How loudly the page tells it. */
	public Flash.Level level() {
		if (this.outcome == null) {
			return this.notChecked == NotChecked.BUSY ? Flash.Level.SUCCESS : Flash.Level.WARNING;
		}
		if (this.outcome == CheckOutcome.UNRECOGNISED) {
			return Flash.Level.WARNING; // nothing is wrong with the token that anyone knows of
		}
		return this.outcome == CheckOutcome.VALID ? Flash.Level.SUCCESS : Flash.Level.ERROR;
	}

}
