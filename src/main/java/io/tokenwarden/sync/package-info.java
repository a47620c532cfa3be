/**
 * Campaign sync: imports the campaigns of each account's ad accounts on a cluster-safe schedule, lets
 * admins pause and resume them, runs the automations (Autopause, Rules, Auto-bid), and stops all of it
 * while the account's token is not valid.
 */
@ApplicationModule(displayName = "Sync")
package io.tokenwarden.sync;

import org.springframework.modulith.ApplicationModule;
