package io.tokenwarden.security;

import io.tokenwarden.agencies.AgencyDirectory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs people in against the users table (BCrypt hashes). */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

	private final AgencyDirectory directory;

	DatabaseUserDetailsService(AgencyDirectory directory) {
		this.directory = directory;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.directory.findUser(username)
			.map(user -> User.withUsername(user.email())
				.password(user.passwordHash())
				.disabled(!user.enabled())
				.authorities("ROLE_USER")
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

}
