package io.tokenwarden.members;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: 12 to 128 characters, not the person's email address, and not one of
 * the 49,233 common passwords shipped in {@code passwords/common-passwords.txt} (zxcvbn's list, MIT).
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private final Set<String> common = load();

	/** The message code of the first rule the password breaks; empty when it is acceptable. */
	Optional<String> check(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("password.policy.tooShort");
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
			return Optional.of("password.policy.tooLong");
		}
		String lower = password.trim().toLowerCase(Locale.ROOT);
		if (email != null && lower.equals(email.trim().toLowerCase(Locale.ROOT))) {
			return Optional.of("password.policy.isEmail");
		}
		if (this.common.contains(lower)) {
			return Optional.of("password.policy.common");
		}
		return Optional.empty();
	}

	int commonPasswords() {
		return this.common.size();
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>(64_000);
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new ClassPathResource("passwords/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (!line.isBlank()) {
					passwords.add(line.trim().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the list of common passwords is missing", ex);
		}
		return passwords;
	}

}
