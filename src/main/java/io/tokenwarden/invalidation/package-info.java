/**
 * Invalidate Token, the revocation outbox and its sender.
 */
@ApplicationModule(displayName = "Invalidation")
package io.tokenwarden.invalidation;

import org.springframework.modulith.ApplicationModule;
