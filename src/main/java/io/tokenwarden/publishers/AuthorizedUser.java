package io.tokenwarden.publishers;

import java.util.Objects;

/** What X's access token answer says: the user's OAuth 1.0a credential, their user id and screen name. */
public record AuthorizedUser(HeldToken token, String userId, String screenName) {

	public AuthorizedUser {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(userId, "userId");
	}

}
