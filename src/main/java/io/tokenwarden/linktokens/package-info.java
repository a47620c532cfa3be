/**
 * The tokens of emailed links: random, stored only as SHA-256, single use, expiring. Depends on no other
 * module, so any module that emails a link can use it.
 */
@ApplicationModule(displayName = "Link tokens")
package io.tokenwarden.linktokens;

import org.springframework.modulith.ApplicationModule;
