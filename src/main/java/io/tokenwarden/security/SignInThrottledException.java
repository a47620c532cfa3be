package io.tokenwarden.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for the account or from the address: not even tried. */
class SignInThrottledException extends AuthenticationException {

	SignInThrottledException() {
		super("too many failed sign-ins");
	}

}
