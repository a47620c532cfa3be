package io.tokenwarden.health;

import io.tokenwarden.accounts.AccountListMarker;
import io.tokenwarden.publishers.Publisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * On Config > Accounts, in amber under the Valid column: "Couldn't read Facebook's answer" while an
 * account's last check got an answer the classifier could not read. The token itself is left as it was.
 */
@Component
class UnrecognisedMarker implements AccountListMarker {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	UnrecognisedMarker(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public Map<Long, Note> notes(List<Long> accountIds, Locale locale) {
		Map<Long, Note> notes = new HashMap<>();
		if (accountIds.isEmpty()) {
			return notes;
		}
		this.jdbc.sql("""
				select h.account_id, a.publisher from account_health h join publisher_account a on a.id = h.account_id
				where h.account_id = any(?) and h.last_outcome = 'UNRECOGNISED'""")
			.param(new SqlArrayValue("bigint", accountIds.toArray()))
			.query((rs, n) -> Map.entry(rs.getLong(1), Publisher.valueOf(rs.getString(2))))
			.list()
			.forEach(row -> notes.put(row.getKey(), new Note("unrecognised-marker", "bi-question-diamond-fill",
					this.messages.getMessage("health.unrecognised.note", new Object[] { row.getValue().displayName() },
							locale), Note.AMBER)));
		return notes;
	}

}
