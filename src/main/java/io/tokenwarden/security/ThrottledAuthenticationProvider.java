package io.tokenwarden.security;

import io.tokenwarden.agencies.AgencyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Clock;

/**
 * Password sign-in behind the throttle. Every attempt costs the same whether or not the account
 * exists: the throttle is consulted and charged for the email as typed, and an unknown email is
 * checked against a dummy hash (Spring's timing protection). Account state (disabled) is checked
 * only after the password, and reported as a wrong password, so it reveals nothing either.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final AgencyDirectory directory;

	private final Clock clock;

	ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
			AgencyDirectory directory, Clock clock) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(encoder);
		// the account's state is looked at only once the password matched: no early, faster answer
		this.passwords.setPreAuthenticationChecks(user -> {
		});
		this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		this.throttle = throttle;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName() == null ? "" : authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		SignInThrottle.Verdict verdict = this.throttle.check(email, address);
		if (!verdict.allowed()) {
			log.info("Sign-in refused without trying: too many failures for the account or from {}", address);
			throw new SignInThrottledException();
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException | AccountStatusException ex) {
			this.throttle.failed(email, address);
			throw new BadCredentialsException("wrong email or password");
		}
		if (verdict.hadFailures()) {
			this.throttle.forget(email);
		}
		this.directory.recordSignIn(result.getName(), this.clock.instant());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
