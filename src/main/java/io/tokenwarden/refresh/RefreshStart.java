package io.tokenwarden.refresh;

import java.util.List;

/**
 * How starting a refresh went: the publisher's consent page to send the admin to, or the message saying
 * why not (the publisher's app is not configured, or X refused the request token).
 */
public record RefreshStart(String redirectUrl, String message, List<Object> arguments) {

	static RefreshStart redirect(String url) {
		return new RefreshStart(url, null, List.of());
	}

	static RefreshStart refused(String message, Object... arguments) {
		return new RefreshStart(null, message, List.of(arguments));
	}

	public boolean started() {
		return this.redirectUrl != null;
	}

}
