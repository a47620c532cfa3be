package io.tokenwarden.refresh;

import java.util.List;

/**
 * How a refresh or a connect ended, as the admin reads it: a message key with its arguments, whether it
 * is an error, an optional warning (pages or ad accounts no longer visible), and the account whose page
 * to show next (a connect's; null: back to Config > Accounts).
 */
record RefreshResult(boolean success, String message, List<Object> arguments, String warning,
		List<Object> warningArguments, Long accountId) {

	static RefreshResult failed(String message, Object... arguments) {
		return new RefreshResult(false, message, List.of(arguments), null, List.of(), null);
	}

	static RefreshResult done(String message, List<Object> arguments, String warning, List<Object> warningArguments) {
		return new RefreshResult(true, message, arguments, warning, warningArguments, null);
	}

	/** The same result, ending on the account's own page. */
	RefreshResult onAccountPage(long id) {
		return new RefreshResult(this.success, this.message, this.arguments, this.warning, this.warningArguments, id);
	}

}
