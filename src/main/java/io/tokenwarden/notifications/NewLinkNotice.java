package io.tokenwarden.notifications;

import io.tokenwarden.linktokens.LinkPurpose;

import java.time.Instant;

/**
 * An email that carries a link (an invitation, a password reset) to put in the outbox. It holds the
 * facts the email shows and whose link it is, never the link's token: the sender issues the token
 * when it sends the email. Text values are kept on one line, as in {@link NewNotice}.
 *
 * @param subjectId what the link opens (the invitation's id, the person's id)
 * @param dedupeKey makes enqueuing the same email again harmless
 */
public record NewLinkNotice(LinkPurpose purpose, long subjectId, String recipient, String agencyName, String role,
		String actor, Instant linkExpiresAt, String dedupeKey) {

	public NewLinkNotice {
		if (purpose == null || linkExpiresAt == null) {
			throw new IllegalArgumentException("a link notice needs its purpose and when its link expires");
		}
		recipient = NewNotice.required(recipient, "a link notice's recipient", 320);
		dedupeKey = NewNotice.required(dedupeKey, "a link notice's dedupe key", 300);
		agencyName = NewNotice.optional(agencyName, 200);
		role = NewNotice.optional(role, 16);
		actor = NewNotice.optional(actor, 320);
		if (purpose == LinkPurpose.INVITATION && (agencyName == null || role == null || actor == null)) {
			throw new IllegalArgumentException("an invitation names its agency, its role and who invited");
		}
	}

	/** {@code inviter} invites {@code email} to {@code agencyName} with {@code role}, until {@code expiresAt}. */
	public static NewLinkNotice invitation(long invitationId, String email, String agencyName, String role,
			String inviter, Instant expiresAt) {
		return new NewLinkNotice(LinkPurpose.INVITATION, invitationId, email, agencyName, role, inviter, expiresAt,
				"INVITATION:" + invitationId);
	}

	/**
	 * A link to set a new password for the person {@code userId}, asked for at {@code requestedAt}. The
	 * dedupe key is per minute: asking again and again within a minute sends one email.
	 */
	public static NewLinkNotice passwordReset(long userId, String email, Instant requestedAt, Instant expiresAt) {
		return new NewLinkNotice(LinkPurpose.PASSWORD_RESET, userId, email, null, null, null, expiresAt,
				"PASSWORD_RESET:" + userId + ":" + requestedAt.getEpochSecond() / 60);
	}

}
