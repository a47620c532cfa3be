package io.tokenwarden.refresh;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the server remembers of a consent it sent an admin to, inside the saved authorization request:
 * which account, for which agency, by whom, since when. Never taken from the callback.
 *
 * @param accountId the account being refreshed; null for a Connect, whose account the callback finds or makes
 * @param ownerLink for an owner's reconnect through an email link: the link's reference
 * ({@code LinkTokens.reference}, never the token), spent when the reconnect succeeds; null for an admin's
 * refresh. The owner is signed in to nothing: the actor is the address the link was sent to.
 */
record PendingRefresh(Long accountId, long agencyId, String actor, Instant startedAt, String codeVerifier,
		String ownerLink) {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	private static final String ACCOUNT = "tokenwarden.accountId";

	private static final String AGENCY = "tokenwarden.agencyId";

	private static final String ACTOR = "tokenwarden.actor";

	private static final String STARTED = "tokenwarden.startedAt";

	private static final String OWNER_LINK = "tokenwarden.ownerLink";

	static void bind(Map<String, Object> attributes, Long accountId, long agencyId, String actor, Instant now,
			String ownerLink) {
		attributes.put(OWNER_LINK, ownerLink);
		attributes.put(ACCOUNT, accountId);
		attributes.put(AGENCY, agencyId);
		attributes.put(ACTOR, actor);
		attributes.put(STARTED, now.toEpochMilli());
	}

	static PendingRefresh of(OAuth2AuthorizationRequest request) {
		Map<String, Object> attributes = request.getAttributes();
		return new PendingRefresh((Long) attributes.get(ACCOUNT), (Long) attributes.get(AGENCY),
				(String) attributes.get(ACTOR), Instant.ofEpochMilli((Long) attributes.get(STARTED)),
				(String) attributes.get(PkceParameterNames.CODE_VERIFIER), (String) attributes.get(OWNER_LINK));
	}

	/** An owner's reconnect through an email link, not an admin's refresh. */
	boolean byOwner() {
		return this.ownerLink != null;
	}

	/** A Connect: no account yet. */
	boolean connecting() {
		return this.accountId == null;
	}

	boolean expiredAt(Instant now) {
		return this.startedAt.plus(LIFETIME).isBefore(now);
	}

}
