/**
 * The one current token per account, its status, and its encryption at rest. Depends on no other module:
 * the publishers and every feature above them read tokens through it.
 */
@ApplicationModule(displayName = "Tokens")
package io.tokenwarden.tokens;

import org.springframework.modulith.ApplicationModule;
