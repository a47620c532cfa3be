package io.tokenwarden.refresh;

import io.tokenwarden.flash.Flash;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How an owner's reconnect through an email link ended, for the owner's page that the publisher's callback
 * redirects to: what to tell (a success or an error), and the pages and ad accounts the new token gained and
 * lost (null: the publisher would not say). Serializable: it travels in the flash map, which Spring Session
 * keeps in the database.
 */
public record ReconnectOutcome(Flash told, List<String> gained, List<String> lost) implements Serializable {

	/** The flash attribute the owner's page reads. */
	public static final String ATTRIBUTE = "reconnectOutcome";

	public ReconnectOutcome {
		gained = gained == null ? null : new ArrayList<>(gained);
		lost = lost == null ? null : new ArrayList<>(lost);
	}

	public boolean success() {
		return this.told.level() == Flash.Level.SUCCESS;
	}

}
