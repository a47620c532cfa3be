package io.tokenwarden.demo;

import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.TokenSecret;

/** A publisher account the demo seeded, with the token values it gave it (for the sandbox). */
public record DemoAccount(long accountId, Publisher publisher, String externalId, String name, TokenSecret accessToken,
		TokenSecret refreshToken) {
}
