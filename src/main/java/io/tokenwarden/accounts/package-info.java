/**
 * Publisher accounts, their agency links, Config > Accounts and the account page, and who may see and act
 * on an account.
 */
@ApplicationModule(displayName = "Accounts")
package io.tokenwarden.accounts;

import org.springframework.modulith.ApplicationModule;
