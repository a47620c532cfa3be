package io.tokenwarden.agencies;

/** What became of a role change or a removal. */
public enum MembershipChange {

	/** Done. */
	CHANGED,

	/** The member already had that role: nothing to do. */
	UNCHANGED,

	/** The person is not a member of that agency. */
	NOT_A_MEMBER,

	/** Refused: the agency would be left without an ADMIN. */
	LAST_ADMIN

}
