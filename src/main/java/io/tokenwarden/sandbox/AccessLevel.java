package io.tokenwarden.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * The role a publisher user grants the app on their assets. A lower level sees fewer Pages and ad
 * accounts, with lower tasks: the support article's "some pages may not be displayed" case.
 */
enum AccessLevel {

	ANALYST(List.of("ANALYZE")),

	ADVERTISER(List.of("ADVERTISE", "ANALYZE")),

	ADMIN(List.of("MANAGE", "CREATE_CONTENT", "MODERATE", "ADVERTISE", "ANALYZE"));

	private final List<String> tasks;

	AccessLevel(List<String> tasks) {
		this.tasks = tasks;
	}

	List<String> tasks() {
		return this.tasks;
	}

	/** Whether an asset visible from {@code minimum} upwards is visible at this level. */
	boolean sees(AccessLevel minimum) {
		return compareTo(minimum) >= 0;
	}

	/** The level for a form value; ADMIN when absent, empty-handed on nonsense. */
	static Optional<AccessLevel> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.of(ADMIN);
		}
		for (AccessLevel level : values()) {
			if (level.name().equalsIgnoreCase(value.trim())) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}

}
