package io.tokenwarden.sync;

import io.tokenwarden.accounts.AccountListMarker;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** On Config > Accounts: "Data may be stale since <last successful sync>" next to the Valid column. */
@Component
class StaleMarker implements AccountListMarker {

	private final SyncStore store;

	StaleMarker(SyncStore store) {
		this.store = store;
	}

	@Override
	public String template() {
		return "sync/marker";
	}

	@Override
	public Map<Long, Instant> models(List<Long> accountIds) {
		Map<Long, Instant> stale = new HashMap<>();
		this.store.statesWithGates(accountIds).forEach((id, s) -> {
			if (s.state().staleWith(s.gate())) {
				stale.put(id, s.state().lastSuccessAt());
			}
		});
		return stale;
	}

}
