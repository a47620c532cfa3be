package io.tokenwarden.accounts;

import java.util.List;

/**
 * Which publishers an admin can connect accounts of, from the module that runs the consent (refresh);
 * Config > Accounts draws a button for each, so this module needs no dependency on that one.
 */
public interface ConnectOptions {

	List<ConnectOption> options();

}
