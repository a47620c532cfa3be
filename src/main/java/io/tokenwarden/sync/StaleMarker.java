package io.tokenwarden.sync;

import io.tokenwarden.accounts.AccountListMarker;
import io.tokenwarden.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** On Config > Accounts: "Data may be stale since <last successful sync>" under the Valid column. */
@Component
class StaleMarker implements AccountListMarker {

	private final SyncStore store;

	private final MessageSource messages;

	private final Formats formats;

	StaleMarker(SyncStore store, MessageSource messages, Formats formats) {
		this.store = store;
		this.messages = messages;
		this.formats = formats;
	}

	@Override
	public Map<Long, Note> notes(List<Long> accountIds, Locale locale) {
		Map<Long, Note> stale = new HashMap<>();
		this.store.statesWithGates(accountIds).forEach((id, s) -> {
			if (s.state().staleWith(s.gate())) {
				stale.put(id, new Note("stale-marker", "bi-clock-history", this.messages.getMessage("sync.stale",
						new Object[] { this.formats.dateTime(s.state().lastSuccessAt()) }, locale)));
			}
		});
		return stale;
	}

}
