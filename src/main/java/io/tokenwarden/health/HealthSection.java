package io.tokenwarden.health;

import io.tokenwarden.accounts.AccountDetailSection;
import io.tokenwarden.accounts.AccountDirectory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The account page's check history: a chart of outcomes per day (Chart.js) and the table behind it. */
@Component
class HealthSection implements AccountDetailSection {

	private static final int DAYS = 30;

	private final HealthChecks checks;

	private final HealthStore store;

	private final AccountDirectory accounts;

	private final Clock clock;

	HealthSection(HealthChecks checks, HealthStore store, AccountDirectory accounts, Clock clock) {
		this.checks = checks;
		this.store = store;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public String template() {
		return "health/history";
	}

	@Override
	public Object model(long accountId) {
		List<CheckRecord> history = this.checks.history(accountId);
		AccountHealth health = this.store.find(accountId).orElse(null);
		CheckRecord last = history.isEmpty() ? null : history.get(0);
		String unrecognised = last != null && last.outcome() == CheckOutcome.UNRECOGNISED
				? this.accounts.find(accountId).map(a -> a.publisher().displayName()).orElse(null) : null;
		return new HealthView(health == null ? null : health.billingProblemSince(),
				health == null ? null : health.permissionProblemSince(), health == null ? null : health.unreachableSince(),
				unrecognised, last == null ? null : last.checkedAt(), history, chartJson(history));
	}

	/** {"days":[...],"series":{"VALID":[...],...}}: only numbers and fixed names, so plain text is safe JSON. */
	private String chartJson(List<CheckRecord> history) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Map<CheckOutcome, int[]> counts = new EnumMap<>(CheckOutcome.class);
		for (CheckRecord check : history) {
			int day = DAYS - 1 - (int) (today.toEpochDay() - LocalDate.ofInstant(check.checkedAt(), ZoneOffset.UTC).toEpochDay());
			if (day >= 0 && day < DAYS) {
				counts.computeIfAbsent(check.outcome(), o -> new int[DAYS])[day]++;
			}
		}
		String days = java.util.stream.IntStream.range(0, DAYS)
			.mapToObj(i -> "\"" + today.minusDays(DAYS - 1 - i) + "\"")
			.collect(Collectors.joining(","));
		String series = counts.entrySet().stream()
			.map(e -> "\"" + e.getKey().name() + "\":" + java.util.Arrays.toString(e.getValue()).replace(" ", ""))
			.collect(Collectors.joining(","));
		return "{\"days\":[" + days + "],\"series\":{" + series + "}}";
	}

}
