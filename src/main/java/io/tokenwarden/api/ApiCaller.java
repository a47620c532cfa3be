package io.tokenwarden.api;

/** Who is calling the status API: a person's token, for the one agency it was made for. */
public record ApiCaller(long tokenId, long userId, String email, long agencyId) {
}
