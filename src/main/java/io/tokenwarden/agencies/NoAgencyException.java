package io.tokenwarden.agencies;

import org.springframework.security.access.AccessDeniedException;

/** The signed-in person belongs to no agency (never invited, or removed from the last one). */
public class NoAgencyException extends AccessDeniedException {

	public NoAgencyException() {
		super("not a member of any agency");
	}

}
