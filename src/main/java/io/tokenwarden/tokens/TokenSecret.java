package io.tokenwarden.tokens;

import java.util.Objects;

/**
 * A token's plaintext, held only in memory. Its {@code toString} never shows the value, so it cannot
 * leak into a log line, an exception message or a page by accident.
 */
public final class TokenSecret {

	private final String value;

	private TokenSecret(String value) {
		this.value = Objects.requireNonNull(value, "value");
	}

	public static TokenSecret of(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("a token secret cannot be blank");
		}
		return new TokenSecret(value);
	}

	/** The plaintext, for the one place that sends it to its publisher. */
	public String reveal() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TokenSecret secret && secret.value.equals(this.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return "TokenSecret[redacted]";
	}

}
