package io.tokenwarden.refresh;

import java.util.List;

/**
 * How a refresh ended, as the admin reads it: a message key with its arguments, whether it is an error,
 * and an optional warning (pages or ad accounts no longer visible).
 */
record RefreshResult(boolean success, String message, List<Object> arguments, String warning,
		List<Object> warningArguments) {

	static RefreshResult failed(String message, Object... arguments) {
		return new RefreshResult(false, message, List.of(arguments), null, List.of());
	}

	static RefreshResult done(String message, List<Object> arguments, String warning, List<Object> warningArguments) {
		return new RefreshResult(true, message, arguments, warning, warningArguments);
	}

}
