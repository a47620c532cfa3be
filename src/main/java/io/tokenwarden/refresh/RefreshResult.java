package io.tokenwarden.refresh;

import java.util.List;

/**
 * How a refresh or a connect ended, as the admin reads it: a message key with its arguments, whether it
 * is an error, an optional warning (pages or ad accounts no longer visible), and the account whose page
 * to show next (a connect's; null: back to Config > Accounts). An owner's reconnect through an email link
 * ends on a page of its own, outside the console ({@code owner}), which lists the pages and ad accounts
 * the new token gained and lost (null: the publisher would not say).
 */
record RefreshResult(boolean success, String message, List<Object> arguments, String warning,
		List<Object> warningArguments, Long accountId, boolean owner, List<String> gained, List<String> lost) {

	static RefreshResult failed(String message, Object... arguments) {
		return new RefreshResult(false, message, List.of(arguments), null, List.of(), null, false, null, null);
	}

	static RefreshResult done(String message, List<Object> arguments, String warning, List<Object> warningArguments) {
		return new RefreshResult(true, message, arguments, warning, warningArguments, null, false, null, null);
	}

	/** An owner's reconnect that changed nothing, told on the owner's page. */
	static RefreshResult ownerFailed(String message, Object... arguments) {
		return new RefreshResult(false, message, List.of(arguments), null, List.of(), null, true, null, null);
	}

	/** An owner's reconnect that stored the token, with what it gained and lost. */
	static RefreshResult ownerDone(List<Object> arguments, List<String> gained, List<String> lost) {
		return new RefreshResult(true, "reconnect.done", arguments, null, List.of(), null, true, gained, lost);
	}

	/** The same result, ending on the account's own page. */
	RefreshResult onAccountPage(long id) {
		return new RefreshResult(this.success, this.message, this.arguments, this.warning, this.warningArguments, id,
				this.owner, this.gained, this.lost);
	}

	/** The same failure, told on the owner's page when the consent was an owner's (their console page is none). */
	RefreshResult forOwnerIf(boolean owner) {
		return owner ? new RefreshResult(false, this.message, this.arguments, this.warning, this.warningArguments, null,
				true, null, null) : this;
	}

}
