package io.tokenwarden.reconnect;

import java.util.List;

/**
 * What an owner's reconnect page shows about the link's account: nothing of the console but the
 * account, the agencies it serves, and what waits for it.
 *
 * @param broken the token does not work now (expired or invalidated), so sync and automations wait
 * @param automations how many automations run on the account once it works
 */
public record ReconnectView(String publisher, String publisherName, String accountName, List<String> agencies,
		boolean broken, long automations) {
}
